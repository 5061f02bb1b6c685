import Crypto
import Foundation

/// The hub's random codes and secrets, and the hashes it keeps of them.
enum HubSecrets {
    /// An enrollment code: 12 characters of an alphabet without look-alikes, in groups of four
    /// (`K7QM-3WXP-9TDR`), about 60 bits.
    static func enrollmentCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// A hall's secret: 32 random bytes, hex.
    static func hallSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// SHA-256, hex. The codes and secrets are random and long: a plain hash is enough, and it lets
    /// the hub find a code by its hash.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A code as typed: upper case, spaces dropped.
    static func normalizedCode(_ code: String) -> String {
        code.uppercased().filter { !$0.isWhitespace }
    }

    /// Compares two hashes in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
