import Foundation

/// A calendar day in the hall's own time zone, written `yyyy-MM-dd`.
///
/// Ticket numbers restart every local day, so the day a ticket belongs to is decided here,
/// once, from the instant and the hall's time zone (Asia/Shanghai by default).
public struct LocalDay: Hashable, Comparable, TextCodable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local day containing `instant` in `timeZone`.
    ///
    /// From 1900 to 9999 the day is counted from the Unix epoch with the zone's offset at that
    /// instant (the Gregorian rules in integers), which is what `Calendar` answers there at a
    /// fraction of its cost (a ticket issue asks once); other instants ask `Calendar`, whose
    /// Gregorian calendar turns Julian before 1582.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        if local >= -2_208_988_800, local < 253_402_300_800 {
            self.init(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
            return
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The proleptic Gregorian day `days` after 1970-01-01 (H. Hinnant's civil-from-days: 400-year
    /// eras of 146,097 days, years starting in March so that February's leap day comes last).
    init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(
            year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
    }

    /// Parses `yyyy-MM-dd`; nil when the text is not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
        guard LocalDay(startDate, in: Self.utc) == self else { return nil }
    }

    /// `yyyy-MM-dd`, as `String(format: "%04d-%02d-%02d")` writes it, without the cost of a format
    /// string: a ticket issue writes the day several times.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return Self.zeroPadded(year, width: 4) + "-" + Self.zeroPadded(month, width: 2) + "-" + Self.zeroPadded(day, width: 2)
        }
        // The usual case written as ten ASCII bytes: the day is the key of most queue statements,
        // and joining padded pieces cost more than the statement's own binding.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, endingAt end: Int, width: Int) {
                var rest = value
                for index in (end - width..<end).reversed() {
                    bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, endingAt: 4, width: 4)
            bytes[4] = UInt8(ascii: "-")
            put(month, endingAt: 7, width: 2)
            bytes[7] = UInt8(ascii: "-")
            put(day, endingAt: 10, width: 2)
            return 10
        }
    }

    /// `value` with leading zeros up to `width` characters, sign included (printf's `%0*d`).
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// Day of week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        let weekday = Self.utcCalendar.component(.weekday, from: startDate)  // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDay {
        LocalDay(startDate.addingTimeInterval(Double(count) * 86_400), in: Self.utc)
    }

    /// Whole days from `self` to `other`.
    public func days(to other: LocalDay) -> Int {
        Int(((other.startDate.timeIntervalSince(startDate)) / 86_400).rounded())
    }

    /// The instant this day starts in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The instant at `minutes` after local midnight of this day in `timeZone`.
    public func instant(minutesAfterMidnight minutes: Int, in timeZone: TimeZone) -> Date {
        start(in: timeZone).addingTimeInterval(Double(minutes) * 60)
    }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static let textFormat = "yyyy-MM-dd"

    private static let utc = TimeZone(identifier: "UTC")!
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()
    private var startDate: Date { start(in: Self.utc) }
}
