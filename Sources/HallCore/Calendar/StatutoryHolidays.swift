import Foundation
import Synchronization

/// The statutory public holidays every year has (《全国年节及纪念日放假办法》, as amended in 2024):
/// 元旦 (1 January), 春节 (New Year's Eve and the first three days of the first lunar month), 清明
/// (the solar term), 劳动节 (1–2 May), 端午 (5th day of the 5th lunar month), 中秋 (15th day of the
/// 8th lunar month) and 国庆 (1–3 October). A year without an imported official schedule is counted
/// with these as days off, so a provisional deadline is never earlier than the official one will be
/// for them; the official schedule adds the bridge days and make-up working days.
public enum StatutoryHolidays {
    private static let cache = Mutex([Int: Set<LocalDay>]())

    /// Whether `day` is a statutory holiday.
    public static func contains(_ day: LocalDay) -> Bool { days(in: day.year).contains(day) }

    /// The statutory holidays of `year`.
    public static func days(in year: Int) -> Set<LocalDay> {
        if let known = cache.withLock({ $0[year] }) { return known }
        let computed = compute(year)
        cache.withLock { $0[year] = computed }
        return computed
    }

    private static func compute(_ year: Int) -> Set<LocalDay> {
        var days: Set<LocalDay> = [
            LocalDay(year: year, month: 1, day: 1), LocalDay(year: year, month: 5, day: 1),
            LocalDay(year: year, month: 5, day: 2), LocalDay(year: year, month: 10, day: 1),
            LocalDay(year: year, month: 10, day: 2), LocalDay(year: year, month: 10, day: 3),
            LocalDay(year: year, month: 4, day: qingmingDay(year)),
        ]
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = zone
        // Every day of the year (and the first days of the next, for New Year's Eve) at noon.
        var day = LocalDay(year: year, month: 1, day: 1)
        while day.year == year {
            let lunar = chinese.dateComponents([.month, .day, .isLeapMonth], from: day.instant(minutesAfterMidnight: 720, in: zone))
            if lunar.isLeapMonth != true, let month = lunar.month, let date = lunar.day {
                switch (month, date) {
                case (1, 1):
                    days.insert(day)
                    let eve = day.adding(days: -1)
                    if eve.year == year { days.insert(eve) }
                case (1, 2), (1, 3), (5, 5), (8, 15): days.insert(day)
                default: break
                }
            }
            day = day.adding(days: 1)
        }
        // New Year's Eve falls in December when the lunar year begins in January of the next year.
        var next = LocalDay(year: year + 1, month: 1, day: 1)
        while next.month <= 2 {
            let lunar = chinese.dateComponents([.month, .day, .isLeapMonth], from: next.instant(minutesAfterMidnight: 720, in: zone))
            if lunar.isLeapMonth != true, lunar.month == 1, lunar.day == 1 {
                let eve = next.adding(days: -1)
                if eve.year == year { days.insert(eve) }
                break
            }
            next = next.adding(days: 1)
        }
        return days
    }

    /// The April day of 清明 (the sun at 15° ecliptic longitude), 4 or 5 in this century: the
    /// common approximation ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the year's last two digits (2000–2099).
    static func qingmingDay(_ year: Int) -> Int {
        let y = year % 100
        return Int((Double(y) * 0.2422 + 4.81).rounded(.down)) - y / 4
    }
}
