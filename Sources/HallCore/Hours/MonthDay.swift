/// A day of the year without the year, written `MM-dd` (e.g. `05-01`): where a season begins or ends.
public struct MonthDay: TextCodable, Sendable, Hashable, Comparable {
    public static let textFormat = "MM-dd"

    public let month: Int
    public let day: Int

    /// A day that exists in a leap year (02-29 included); nil otherwise.
    public init?(month: Int, day: Int) {
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-dd`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        self.init(month: month, day: day)
    }

    /// The month and day of `day`.
    public init(_ day: LocalDay) {
        self.month = day.month
        self.day = day.day
    }

    public var description: String {
        (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    /// `5月1日`.
    public var label: String { "\(month)月\(day)日" }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
