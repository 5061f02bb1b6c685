/// The one-time setup code that guards first-run setup: 12 characters in three groups
/// (`k7q2-m9xd-3pfa`) from an alphabet of 31 without look-alikes, about 59 bits from a CSPRNG.
/// It is compared without regard to case, spaces or dashes, in constant time.
public struct SetupCode: Sendable, Equatable, CustomStringConvertible {
    /// Letters and digits without 0/o, 1/l/i.
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static let length = 12

    /// The code's characters, without dashes, in lower case.
    let characters: [Character]

    /// A new random code; `generator` must be cryptographically secure (`SystemRandomNumberGenerator`).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> SetupCode {
        SetupCode(characters: (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The code as shown and typed: three groups of four joined by dashes.
    public var description: String {
        stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    /// Whether `typed` is this code (case, spaces and dashes ignored), in time that does not depend
    /// on where the first difference is.
    public func matches(_ typed: String) -> Bool {
        let given = Array(typed.lowercased().filter { $0 != "-" && !$0.isWhitespace }.prefix(64))
        var difference = given.count == characters.count ? 0 : 1
        for (index, expected) in characters.enumerated() {
            let actual = index < given.count ? given[index] : " "
            difference |= actual == expected ? 0 : 1
        }
        return difference == 0
    }
}
