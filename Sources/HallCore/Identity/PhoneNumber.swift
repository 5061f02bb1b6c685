/// A contact telephone number: a mainland mobile number or a fixed line with its area code.
///
/// Accepted forms: `13812345678`, `+86 138 1234 5678`, `0477-7552004`, `(0477)7552004`,
/// `010-12345678`, `0477 7552004-801` (extension). Area codes are 3 digits for 010 and 02x and
/// 4 digits otherwise; local numbers have 7 or 8 digits and do not start with 0 or 1.
public struct PhoneNumber: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable { case mobile, fixedLine }

    public let kind: Kind
    /// Normalised form: 11 digits for a mobile; `AREA-LOCAL` (optionally `-EXT`) for a fixed line.
    public let value: String

    public init(_ text: String) throws {
        var compact = text.filter { !" ()（）".contains($0) }
        if compact.hasPrefix("+86") { compact.removeFirst(3) } else if compact.hasPrefix("0086") { compact.removeFirst(4) }
        if !compact.contains("-"), compact.count == 11, compact.hasPrefix("1"), compact.allSatisfy(\.isASCIIDigit) {
            guard let second = Array(compact)[1].wholeNumberValue, (3...9).contains(second) else {
                throw IdentityError.badPhone
            }
            kind = .mobile
            value = compact
            return
        }
        guard let fixed = Self.fixedLine(compact) else { throw IdentityError.badPhone }
        kind = .fixedLine
        value = fixed
    }

    private static func fixedLine(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        var area: String
        var local: String
        if parts.count == 1 || (parts.count == 2 && parts[0].count > 4) {
            // Area code written together with the local number.
            let digits = parts[0]
            guard digits.hasPrefix("0") else { return nil }
            let areaLength = digits.hasPrefix("010") || digits.hasPrefix("02") ? 3 : 4
            area = String(digits.prefix(areaLength))
            local = String(digits.dropFirst(areaLength))
            if parts.count == 2 { return valid(area, local) ? "\(area)-\(local)-\(parts[1])" : nil }
        } else {
            area = parts[0]
            local = parts[1]
        }
        guard valid(area, local) else { return nil }
        if parts.count == 3 {
            guard parts[2].count <= 6 else { return nil }
            return "\(area)-\(local)-\(parts[2])"
        }
        return "\(area)-\(local)"
    }

    private static func valid(_ area: String, _ local: String) -> Bool {
        guard area.hasPrefix("0") else { return false }
        let expected = area.hasPrefix("010") || area.hasPrefix("02") ? 3 : 4
        guard area.count == expected, !area.hasPrefix("00") else { return false }
        guard (7...8).contains(local.count), let first = local.first, first != "0", first != "1" else { return false }
        return true
    }

    /// Masked for public surfaces.
    public var masked: String { PersonalDataMask.phone(value) }

    /// The masked form, so an accidental interpolation never leaks the number.
    public var description: String { masked }

    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
