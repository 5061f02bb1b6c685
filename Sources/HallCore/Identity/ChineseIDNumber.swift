/// A resident identity card number (公民身份号码) checked per GB 11643-1999.
///
/// Layout: 6-digit administrative division code, 8-digit birth date `yyyyMMdd`, 3-digit sequence
/// (odd for men, even for women), 1 check character computed by ISO 7064 MOD 11-2 (0–9 or X).
/// Lower-case `x` and surrounding spaces are accepted and normalised.
public struct ChineseIDNumber: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The normalised 18 characters.
    public let value: String

    /// Validates `text`. Pass `notAfter` (today) to also refuse birth dates in the future.
    public init(_ text: String, notAfter today: LocalDay? = nil) throws {
        let normalised = text.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(normalised)
        guard chars.count == 18 else { throw IdentityError.idWrongLength(chars.count) }
        guard chars.prefix(17).allSatisfy(\.isASCIIDigit),
            chars[17].isASCIIDigit || chars[17] == "X"
        else { throw IdentityError.idInvalidCharacter }
        let province = Int(String(chars[0...1]))!
        guard Int(String(chars[0...5]))! != 0, (11...82).contains(province) else { throw IdentityError.idBadRegion }
        guard let birth = LocalDay(Self.dashed(String(chars[6...13]))), birth.year >= 1900,
            today.map({ birth <= $0 }) ?? true
        else { throw IdentityError.idBadBirthDate }
        guard Self.checkCharacter(for: String(chars.prefix(17))) == chars[17] else {
            throw IdentityError.idBadChecksum
        }
        value = normalised
    }

    /// The 6-digit administrative division code of the place of first registration.
    public var regionCode: String { String(value.prefix(6)) }

    /// The date of birth.
    public var birthDate: LocalDay { LocalDay(Self.dashed(String(Array(value)[6...13])))! }

    /// The sex encoded by the 17th digit.
    public var sex: Sex { Int(String(Array(value)[16]))! % 2 == 1 ? .male : .female }

    /// Age in whole years on `day`.
    public func age(on day: LocalDay) -> Int {
        let b = birthDate
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day) ? 1 : 0)
    }

    /// Masked for public surfaces.
    public var masked: String { PersonalDataMask.idNumber(value) }

    /// The masked form, so an accidental interpolation never leaks the number.
    public var description: String { masked }

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(for first17: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func dashed(_ digits: String) -> String {
        let c = Array(digits)
        return String(c[0...3]) + "-" + String(c[4...5]) + "-" + String(c[6...7])
    }
}
