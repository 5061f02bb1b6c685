import Foundation
import Testing

@testable import HallCore

/// The shipped 2025/2026 schedules, and the import validation of a new year's schedule.
@Suite struct CalendarScheduleTests {
    let day = IntakeTestData.day

    @Test func shippedSchedulesMatchTheStateCouncilNotices() throws {
        let s2025 = try IntakeTestData.schedule(2025)
        #expect(s2025.holidays.map(\.name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节、中秋节"])
        #expect(s2025.makeUpWorkdays.map(\.date.description) == ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
        let s2026 = try IntakeTestData.schedule(2026)
        #expect(s2026.holidays.map(\.name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        #expect(s2026.makeUpWorkdays.map(\.date.description) == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
    }

    /// Every day of every 2025 holiday span is off, weekends inside them included.
    @Test(arguments: [
        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
        ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ])
    func everyHolidayDayIsOff(first: String, last: String) throws {
        let calendar = try IntakeTestData.calendar()
        var current = day(first)
        var count = 0
        while current <= day(last) {
            #expect(try calendar.isWorkingDay(current) == false, "\(current)")
            #expect(try calendar.isWeekendOrHoliday(current), "\(current)")
            #expect(calendar.holiday(on: current) != nil, "\(current)")
            current = current.adding(days: 1)
            count += 1
        }
        // The day before and after each span is not part of it.
        #expect(calendar.holiday(on: day(first).adding(days: -1)) == nil)
        #expect(calendar.holiday(on: day(last).adding(days: 1)) == nil)
        #expect(count >= 1)
    }

    /// Every make-up working day is a weekend day that works.
    @Test(arguments: [
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ])
    func everyMakeUpDayWorks(text: String) throws {
        let calendar = try IntakeTestData.calendar()
        #expect(day(text).isWeekend)
        #expect(try calendar.isWorkingDay(day(text)))
    }

    @Test func namedExamples() throws {
        let calendar = try IntakeTestData.calendar()
        #expect(day("2026-01-04").isoWeekday == 7)
        #expect(try calendar.isWorkingDay(day("2026-01-04")))  // Sunday, works
        #expect(day("2026-02-14").isoWeekday == 6)
        #expect(try calendar.isWorkingDay(day("2026-02-14")))  // Saturday, works
        #expect(try calendar.isWorkingDay(day("2026-10-10")))  // Saturday, works
        #expect(try !calendar.isWorkingDay(day("2025-10-08")))  // Wednesday, off
        #expect(try !calendar.isWorkingDay(day("2025-10-12")))  // ordinary Sunday
        #expect(try calendar.isWorkingDay(day("2025-10-09")))  // ordinary Thursday
        #expect(try !calendar.isWorkingDay(day("2026-09-19")))  // ordinary Saturday
    }

    @Test func yearTotalsFollowFromTheNotices() throws {
        // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248.
        // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days = 248.
        let calendar = try IntakeTestData.calendar()
        #expect(try calendar.workingDays(from: day("2024-12-31"), to: day("2025-12-31")) == 248)
        #expect(try calendar.workingDays(from: day("2025-12-31"), to: day("2026-12-31")) == 248)
    }

    // MARK: Import validation

    private func json(_ body: String) -> Data { Data(body.utf8) }

    private func importing(_ holidays: String, _ makeUps: String = "", year: Int = 2027) throws -> HolidaySchedule {
        try HolidaySchedule.decode(from: json(#"{"year":\#(year),"holidays":[\#(holidays)],"makeUpWorkdays":[\#(makeUps)]}"#))
    }

    @Test func validScheduleImports() throws {
        let s = try importing(
            #"{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}"#,
            #"{"date":"2027-01-09","holiday":"元旦"}"#)
        var calendar = try IntakeTestData.calendar()
        try calendar.add(s)
        #expect(calendar.coveredYears == [2025, 2026, 2027])
        #expect(try !calendar.isWorkingDay(day("2027-01-01")))
        #expect(try calendar.isWorkingDay(day("2027-01-09")))
    }

    @Test func duplicateYearRefusedUnlessReplacing() throws {
        var calendar = try IntakeTestData.calendar()
        let again = try IntakeTestData.schedule(2026)
        #expect(throws: CalendarError.duplicateYear(2026)) { try calendar.add(again) }
        try calendar.add(again, replacing: true)
        #expect(calendar.coveredYears == [2025, 2026])
    }

    @Test func holidayOutsideDeclaredYearRefused() {
        #expect(throws: CalendarError.dateOutsideYear(entry: "元旦", day: day("2026-12-31"), year: 2027)) {
            try importing(#"{"name":"元旦","first":"2026-12-31","last":"2027-01-02"}"#)
        }
    }

    @Test func makeUpOutsideDeclaredYearRefused() {
        #expect(throws: CalendarError.dateOutsideYear(entry: "元旦调休上班 2026-12-26", day: day("2026-12-26"), year: 2027)) {
            try importing(
                #"{"name":"元旦","first":"2027-01-01","last":"2027-01-01"}"#,
                #"{"date":"2026-12-26","holiday":"元旦"}"#)
        }
    }

    @Test func reversedHolidayRefused() {
        #expect(throws: CalendarError.reversedHoliday(name: "清明节", first: day("2027-04-06"), last: day("2027-04-04"))) {
            try importing(#"{"name":"清明节","first":"2027-04-06","last":"2027-04-04"}"#)
        }
    }

    @Test func overlappingHolidaysRefused() {
        #expect(throws: CalendarError.overlappingHolidays("中秋节", "国庆节")) {
            try importing(#"{"name":"国庆节","first":"2027-10-01","last":"2027-10-07"},{"name":"中秋节","first":"2027-09-28","last":"2027-10-01"}"#)
        }
    }

    @Test func makeUpOnWeekdayRefused() {
        // 2027-01-06 is a Wednesday.
        #expect(throws: CalendarError.makeUpNotWeekend(day("2027-01-06"))) {
            try importing(
                #"{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}"#,
                #"{"date":"2027-01-06","holiday":"元旦"}"#)
        }
    }

    @Test func makeUpInsideHolidayRefused() {
        #expect(throws: CalendarError.makeUpInsideHoliday(day: day("2027-01-02"), holiday: "元旦")) {
            try importing(
                #"{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}"#,
                #"{"date":"2027-01-02","holiday":"元旦"}"#)
        }
    }

    @Test func makeUpForUnknownHolidayRefused() {
        #expect(throws: CalendarError.makeUpForUnknownHoliday(day: day("2027-01-09"), holiday: "春节")) {
            try importing(
                #"{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}"#,
                #"{"date":"2027-01-09","holiday":"春节"}"#)
        }
    }

    @Test func duplicateMakeUpRefused() {
        #expect(throws: CalendarError.duplicateMakeUpDay(day("2027-01-09"))) {
            try importing(
                #"{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}"#,
                #"{"date":"2027-01-09","holiday":"元旦"},{"date":"2027-01-09","holiday":"元旦"}"#)
        }
    }

    @Test func malformedJSONAndBadDatesRefused() throws {
        let notJSON = #expect(throws: CalendarError.self) { try HolidaySchedule.decode(from: json("{")) }
        #expect(notJSON?.code == "calendar_malformed")
        let badDate = #expect(throws: CalendarError.self) {
            try importing(#"{"name":"元旦","first":"2027-02-30","last":"2027-03-01"}"#)
        }
        #expect(badDate?.code == "calendar_malformed")
        #expect(throws: CalendarError.unnamedHoliday(first: day("2027-01-01"))) {
            try importing(#"{"name":" ","first":"2027-01-01","last":"2027-01-01"}"#)
        }
        #expect(throws: CalendarError.implausibleYear(1999)) {
            try importing(#"{"name":"元旦","first":"1999-01-01","last":"1999-01-01"}"#, year: 1999)
        }
    }

    @Test func errorsCarryChineseMessages() {
        let error = CalendarError.notCovered(year: 2027)
        #expect(error.code == "calendar_not_covered")
        #expect(error.message.contains("2027年"))
        #expect(error.kind == .conflict)
    }
}
