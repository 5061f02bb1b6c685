import Foundation

/// Masks residents' personal data for every public surface: screens, tickets, status pages, logs.
///
/// - names keep the first and last character: 张三丰 → 张*丰, 张三 → 张*
/// - ID numbers keep the first four and last four characters: 1101**********1234
/// - phone numbers keep the first three and last four digits: 138****5678
public enum PersonalDataMask {
    /// Masks a person's or an agent's name.
    public static func name(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return "\(chars[0])*"
        default: return "\(chars[0])\(String(repeating: "*", count: chars.count - 2))\(chars[chars.count - 1])"
        }
    }

    /// Masks a resident identity card number (or any long identifier).
    public static func idNumber(_ id: String) -> String {
        let chars = Array(id.trimmingCharacters(in: .whitespaces))
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }

    /// Masks a phone number, mobile or fixed line.
    public static func phone(_ phone: String) -> String {
        let chars = Array(phone.trimmingCharacters(in: .whitespaces))
        guard chars.count > 7 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 7) + String(chars.suffix(4))
    }
}
