import Foundation
import HallCore
import HallTestSupport

/// Shared fixtures of the calendar, catalog and intake tests: the shipped data files, read from the
/// repository (tests may read files; HallCore itself never does).
enum IntakeTestData {
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: PackagePaths.url(relativePath))
    }

    static func schedule(_ year: Int) throws -> HolidaySchedule {
        try HolidaySchedule.decode(from: data("data/calendar/cn-\(year).json"))
    }

    /// The official 2025 and 2026 schedules as shipped.
    static func calendar() throws -> WorkingDayCalendar {
        try WorkingDayCalendar(schedules: [schedule(2025), schedule(2026)])
    }

    static func catalog() throws -> Catalog {
        try Catalog.decode(from: data("data/catalog/sample-catalog.json"))
    }

    /// `yyyy-MM-dd` → LocalDay, trapping on a typo in a test.
    static func day(_ text: String) -> LocalDay {
        guard let day = LocalDay(text) else { fatalError("bad test date \(text)") }
        return day
    }

    /// 10:00 Beijing time on `text`.
    static func morning(_ text: String) -> Date {
        day(text).instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// Valid GB 11643 numbers (check characters computed by ISO 7064 MOD 11-2 by hand / script).
    static let idMale1985 = "150626198503121230"
    static let idFemale1940 = "150626194001010014"
    static let idStandardExample = "11010519491231002X"
}
