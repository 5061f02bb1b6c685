import Foundation
import Testing

@testable import HallCore

/// Opening hours on the real 2025/2026 calendar: seasons, holidays and their eves, make-up working
/// weekends, and the kiosk's admission after closing.
@Suite struct OpeningHoursTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!
    let day = IntakeTestData.day

    func hours(_ text: String, _ hours: OpeningHours = .standard) throws -> DayHours {
        try hours.hours(on: day(text), calendar: IntakeTestData.calendar(), timeZone: zone)
    }

    /// `HH:mm` Beijing time on `text`.
    func at(_ text: String, _ time: String) -> Date {
        day(text).instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    @Test func winterWorkingDay() throws {
        let h = try hours("2026-11-25")  // Wednesday
        #expect(h.isWorkingDay && !h.isMakeUpWorkday && h.holidayName == nil)
        #expect(h.seasonName == "冬季作息")
        #expect(h.sessions.map(\.description) == ["08:30–12:00", "14:00–17:30"])
        #expect(h.closesAt == at("2026-11-25", "17:30") && h.opensAt == at("2026-11-25", "08:30"))
        #expect(h.isInSession(at("2026-11-25", "15:00"), timeZone: zone))
        #expect(!h.isInSession(at("2026-11-25", "13:00"), timeZone: zone))
    }

    @Test func eveOfNationalDayAndSeasonChange() throws {
        // Wed 2026-09-30 is still summer: closes 18:00. 10-01…10-07 are off; the next opening is
        // Thu 10-08, already in winter: closes 17:30.
        let eve = try hours("2026-09-30")
        #expect(eve.seasonName == "夏季作息" && eve.closing?.description == "18:00")
        let holiday = try hours("2026-10-01")
        #expect(!holiday.isWorkingDay && !holiday.isOpenDay && holiday.holidayName == "国庆节" && holiday.closesAt == nil)
        let next = try #require(
            try OpeningHours.standard.nextOpening(
                after: day("2026-09-30"), calendar: IntakeTestData.calendar(),
                timeZone: zone))
        #expect(next.day == day("2026-10-08") && next.seasonName == "冬季作息" && next.closing?.description == "17:30")
        #expect(next.openingLabel == "10月8日（星期四） 08:30")
    }

    @Test func makeUpWorkingSaturday() throws {
        // Sat 2026-10-10 is a make-up working day (国庆节): open with the season's sessions…
        let saturday = try hours("2026-10-10")
        #expect(saturday.isWorkingDay && saturday.isMakeUpWorkday && saturday.closing?.description == "17:30")
        // …or with the Saturday sessions when the hall configures them (mornings only here).
        var mornings = OpeningHours.standard
        mornings.seasons[1].weekdays = ["6": [OpeningSession("08:30", "12:00")]]
        try mornings.validate()
        let short = try hours("2026-10-10", mornings)
        #expect(short.sessions.count == 1 && short.closesAt == at("2026-10-10", "12:00"))
        // An ordinary Saturday stays closed whatever the Saturday sessions say.
        #expect(try !hours("2026-10-17", mornings).isOpenDay)
        // Sun 2026-09-20, make-up for 国庆节, is in summer.
        #expect(try hours("2026-09-20").closing?.description == "18:00")
    }

    @Test func yearWithoutOfficialScheduleIsRefused() throws {
        #expect(throws: CalendarError.notCovered(year: 2027)) { try hours("2027-01-05") }
    }

    @Test func invalidHoursAreRefusedWithTheReason() throws {
        var gap = OpeningHours.standard
        gap.seasons[0].to = MonthDay(month: 9, day: 29)!
        #expect(throws: HoursError.dayNotCovered(MonthDay(month: 9, day: 30)!)) { try gap.validate() }
        var overlap = OpeningHours.standard
        overlap.seasons[0].from = MonthDay(month: 4, day: 30)!
        #expect(throws: HoursError.overlappingSeasons("夏季作息", "冬季作息")) { try overlap.validate() }
        var reversed = OpeningHours.standard
        reversed.seasons[0].sessions = [OpeningSession("14:00", "12:00")]
        #expect(throws: HoursError.reversedSession(season: "夏季作息", session: "14:00–12:00")) { try reversed.validate() }
        var crossing = OpeningHours.standard
        crossing.seasons[0].sessions = [OpeningSession("08:30", "12:30"), OpeningSession("12:00", "18:00")]
        #expect(throws: HoursError.self) { try crossing.validate() }
        var weekday = OpeningHours.standard
        weekday.seasons[0].weekdays = ["8": []]
        #expect(throws: HoursError.badWeekday(season: "夏季作息", key: "8")) { try weekday.validate() }
        #expect(ExtendedHoursSettings(closingNoticeMinutes: -1).problem()?.key == "closingNoticeMinutes")
        #expect(ExtendedHoursSettings(openingHours: gap).problem()?.key == "openingHours")
        #expect(ExtendedHoursSettings().problem() == nil)
    }

    @Test func decodesTheConfigurationForm() throws {
        let json =
            #"{"seasons":[{"name":"全年","from":"01-01","to":"12-31","sessions":[{"start":"9:00","end":"17:00"}],"#
            + #""weekdays":{"5":[{"start":"09:00","end":"12:00"}]}}]}"#
        let hours = try HallJSON.decoder().decode(OpeningHours.self, from: Data(json.utf8))
        try hours.validate()
        #expect(try self.hours("2026-11-27", hours).closing?.description == "12:00")  // Friday
        #expect(try self.hours("2026-11-26", hours).closing?.description == "17:00")
        #expect(try HallJSON.string(hours).contains(#""start":"09:00""#))
    }

    @Test func kioskIsRefusedAfterClosingOnTheEveOfAHoliday() throws {
        let eve = try hours("2026-09-30")
        let next = try OpeningHours.standard.nextOpening(after: day("2026-09-30"), calendar: IntakeTestData.calendar(), timeZone: zone)
        #expect(TicketAdmission.refusal(at: at("2026-09-30", "17:59"), today: eve, next: next, issuedByDevice: true) == nil)
        let refusal = try #require(TicketAdmission.refusal(at: at("2026-09-30", "18:00"), today: eve, next: next, issuedByDevice: true))
        #expect(refusal.contains("18:00") && refusal.contains("10月8日（星期四） 08:30") && refusal.contains("延时服务"))
        // Staff are never refused (a resident already in the hall).
        #expect(TicketAdmission.refusal(at: at("2026-09-30", "18:30"), today: eve, next: next, issuedByDevice: false) == nil)
        // Early in the morning residents may queue before opening.
        #expect(TicketAdmission.refusal(at: at("2026-09-30", "07:45"), today: eve, next: next, issuedByDevice: true) == nil)
        // On the holiday itself, all day.
        let holiday = try hours("2026-10-02")
        let closed = try #require(TicketAdmission.refusal(at: at("2026-10-02", "10:00"), today: holiday, next: next, issuedByDevice: true))
        #expect(closed.contains("国庆节假期") && closed.contains("10月8日"))
    }
}
