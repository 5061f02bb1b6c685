/// An enterprise's unified social credit code (统一社会信用代码) checked per GB 32100-2015.
///
/// 18 characters from the 31-character set `0-9 A-H J-N P-R T U W-Y`: registration authority,
/// entity type, 6-digit division code, 9-character organisation code, and a check character
/// computed with the weights 3^i mod 31 as `31 − (Σ value×weight mod 31)` (31 → 0).
/// Only the final check is verified; the organisation-code part's own GB 11714 check is not.
public struct UnifiedSocialCreditCode: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The normalised 18 characters (upper case).
    public let value: String

    public init(_ text: String) throws {
        let normalised = text.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(normalised)
        guard chars.count == 18 else { throw IdentityError.creditCodeWrongLength(chars.count) }
        guard chars.allSatisfy({ Self.alphabet.contains($0) }) else { throw IdentityError.creditCodeInvalidCharacter }
        guard Self.checkCharacter(for: String(chars.prefix(17))) == chars[17] else {
            throw IdentityError.creditCodeBadChecksum
        }
        value = normalised
    }

    /// The check character for the first 17 characters (which must come from the alphabet).
    public static func checkCharacter(for first17: String) -> Character {
        var weight = 1
        var sum = 0
        for char in first17 {
            sum += alphabet.firstIndex(of: char)! * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Masked like an identity number for public surfaces.
    public var masked: String { PersonalDataMask.idNumber(value) }
    public var description: String { value }

    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The GB 32100 character set in value order (0…30).
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
}
