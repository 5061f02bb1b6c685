import Foundation

/// Case numbers (受理编号): `BM` + acceptance day `yyyyMMdd` + `-` + the day's sequence in four
/// digits, e.g. `BM20261125-0001`. The sequence restarts each day and is allocated by the store
/// (`IntakeTransaction.nextCaseSequence`); past 9999 it simply grows to five digits.
public enum CaseNumber {
    /// The default prefix, 便民 (BianMin).
    public static let defaultPrefix = "BM"

    /// Formats a case number.
    public static func format(prefix: String = defaultPrefix, day: LocalDay, sequence: Int) -> String {
        let date = String(format: "%04d%02d%02d", day.year, day.month, day.day)
        return "\(prefix)\(date)-\(String(format: "%04d", sequence))"
    }

    /// Splits a case number into its day and sequence; nil when it is not one.
    public static func parse(_ text: String, prefix: String = defaultPrefix) -> (day: LocalDay, sequence: Int)? {
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.dropFirst(prefix.count)
        let parts = rest.split(separator: "-")
        guard parts.count == 2, parts[0].count == 8, parts[1].count >= 4,
            parts[1].allSatisfy(\.isASCIIDigit), let sequence = Int(parts[1]), sequence > 0
        else { return nil }
        let d = Array(parts[0])
        guard let day = LocalDay("\(String(d[0...3]))-\(String(d[4...5]))-\(String(d[6...7]))") else { return nil }
        return (day, sequence)
    }
}
