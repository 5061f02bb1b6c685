/// A calendar month of the ledger, written `yyyy-MM` (e.g. `2026-11`).
public struct LedgerMonth: TextCodable, Sendable, Hashable, Comparable {
    public static let textFormat = "yyyy-MM"

    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `yyyy-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else {
            return nil
        }
        self.init(year: y, month: m)
    }

    /// The month containing `day`.
    public init(_ day: LocalDay) {
        year = day.year
        month = day.month
    }

    public var description: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }
    /// `2026年11月`.
    public var label: String { "\(year)年\(month)月" }

    public var firstDay: LocalDay { LocalDay(year: year, month: month, day: 1) }
    public var lastDay: LocalDay {
        let next = month == 12 ? LocalDay(year: year + 1, month: 1, day: 1) : LocalDay(year: year, month: month + 1, day: 1)
        return next.adding(days: -1)
    }

    public func contains(_ day: LocalDay) -> Bool { day.year == year && day.month == month }

    public static func < (a: LedgerMonth, b: LedgerMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
