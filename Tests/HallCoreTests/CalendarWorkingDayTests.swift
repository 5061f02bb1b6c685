import Testing

@testable import HallCore

/// Deadlines in working days on the real 2025/2026 calendar, and refusal past the covered years.
@Suite struct CalendarWorkingDayTests {
    let day = IntakeTestData.day

    private func deadline(_ n: Int, from text: String) throws -> String {
        try IntakeTestData.calendar().addingWorkingDays(n, to: day(text)).description
    }

    @Test func ordinaryWeek() throws {
        // Tue 2025-09-02 + 3 → Fri 09-05; Fri 09-05 + 3 → Wed 09-10 (weekend skipped).
        #expect(try deadline(3, from: "2025-09-02") == "2025-09-05")
        #expect(try deadline(3, from: "2025-09-05") == "2025-09-10")
        #expect(try deadline(0, from: "2025-09-06") == "2025-09-06")
    }

    @Test func nationalDay2025() throws {
        // Accepted Tue 2025-09-30: 10-01…10-08 off; Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3).
        #expect(try deadline(3, from: "2025-09-30") == "2025-10-11")
        // Complex: then Mon 10-13 (4) … Thu 10-16 (7); Sun 10-12 is an ordinary day off.
        #expect(try deadline(7, from: "2025-09-30") == "2025-10-16")
        // Fri 09-26: Sun 09-28 make-up (1), Mon 09-29 (2), Tue 09-30 (3).
        #expect(try deadline(3, from: "2025-09-26") == "2025-09-30")
    }

    @Test func springFestival2025() throws {
        // Fri 2025-01-24: Sun 01-26 make-up (1), Mon 01-27 (2), 01-28…02-04 off, Wed 02-05 (3).
        #expect(try deadline(3, from: "2025-01-24") == "2025-02-05")
        // Complex: Thu 02-06 (4), Fri 02-07 (5), Sat 02-08 make-up (6), Mon 02-10 (7).
        #expect(try deadline(7, from: "2025-01-24") == "2025-02-10")
    }

    @Test func springFestival2026() throws {
        // Fri 2026-02-13: Sat 02-14 make-up (1), 02-15…02-23 off, Tue 02-24 (2), Wed 02-25 (3).
        #expect(try deadline(3, from: "2026-02-13") == "2026-02-25")
        // Thu 02-26 (4), Fri 02-27 (5), Sat 02-28 make-up (6), Mon 03-02 (7).
        #expect(try deadline(7, from: "2026-02-13") == "2026-03-02")
    }

    @Test func nationalDay2026() throws {
        // Wed 2026-09-30: 10-01…10-07 off; Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3).
        #expect(try deadline(3, from: "2026-09-30") == "2026-10-10")
        // Fri 09-18: Sat 09-19 off, Sun 09-20 make-up (1), Mon 09-21 (2), Tue 09-22 (3).
        #expect(try deadline(3, from: "2026-09-18") == "2026-09-22")
        // Thu 09-24: Mid-Autumn 09-25…09-27 off; 09-28 (1), 09-29 (2), 09-30 (3).
        #expect(try deadline(3, from: "2026-09-24") == "2026-09-30")
    }

    @Test func acrossTheYearBoundary2025To2026() throws {
        // Tue 2025-12-30: Wed 12-31 (1), 2026-01-01…03 off, Sun 01-04 make-up (2), Mon 01-05 (3).
        #expect(try deadline(3, from: "2025-12-30") == "2026-01-05")
        // … Tue 01-06 (4), Wed 01-07 (5), Thu 01-08 (6), Fri 01-09 (7).
        #expect(try deadline(7, from: "2025-12-30") == "2026-01-09")
    }

    @Test func acceptanceOnADayOffCountsFromTheNextWorkingDay() throws {
        // Accepted on a Saturday appointment (2025-10-04, inside the holiday): the day itself never counts.
        #expect(try deadline(1, from: "2025-10-04") == "2025-10-09")
        #expect(try IntakeTestData.calendar().nextWorkingDay(after: day("2025-09-30")) == day("2025-10-09"))
        #expect(try IntakeTestData.calendar().nextWorkingDay(after: day("2026-01-03")) == day("2026-01-04"))
    }

    @Test func workingDaysBetweenIsConsistentWithDeadlines() throws {
        let calendar = try IntakeTestData.calendar()
        #expect(try calendar.workingDays(from: day("2025-09-30"), to: day("2025-10-11")) == 3)
        #expect(try calendar.workingDays(from: day("2025-10-11"), to: day("2025-09-30")) == -3)
        #expect(try calendar.workingDays(from: day("2025-10-01"), to: day("2025-10-08")) == 0)
        #expect(try calendar.workingDays(from: day("2025-10-10"), to: day("2025-10-10")) == 0)
        var start = day("2025-12-01")
        while start < day("2026-02-28") {
            for n in [1, 3, 7, 20] {
                let end = try calendar.addingWorkingDays(n, to: start)
                #expect(try calendar.workingDays(from: start, to: end) == n, "\(start) + \(n)")
                #expect(try calendar.isWorkingDay(end), "\(start) + \(n) lands on a working day")
            }
            start = start.adding(days: 1)
        }
    }

    @Test func pastTheCoveredYearsIsRefused() throws {
        let calendar = try IntakeTestData.calendar()
        // Mon 2026-12-28 + 3 stays inside 2026: 12-29, 12-30, 12-31.
        #expect(try calendar.addingWorkingDays(3, to: day("2026-12-28")) == day("2026-12-31"))
        // Tue 2026-12-29 + 3 needs 2027, which has no schedule: refused, never weekends-only.
        #expect(throws: CalendarError.notCovered(year: 2027)) { try calendar.addingWorkingDays(3, to: day("2026-12-29")) }
        #expect(throws: CalendarError.notCovered(year: 2027)) { try calendar.isWorkingDay(day("2027-01-04")) }
        #expect(throws: CalendarError.notCovered(year: 2024)) { try calendar.isWorkingDay(day("2024-12-31")) }
        #expect(throws: CalendarError.notCovered(year: 2027)) {
            try calendar.workingDays(from: day("2026-12-01"), to: day("2027-01-15"))
        }
        #expect(throws: CalendarError.notCovered(year: 2025)) { try WorkingDayCalendar().isWorkingDay(day("2025-01-02")) }
        #expect(calendar.coveredYears == [2025, 2026])
        #expect(!calendar.covers(year: 2027))
    }

    @Test func provisionalModeIsExplicitAndFlagged() throws {
        let calendar = try IntakeTestData.calendar()
        // 2026-12-30 (1), 12-31 (2), Fri 2027-01-01 is 元旦 (a statutory holiday any year has), the
        // weekend, Mon 01-04 (3): provisional, flagged.
        let answer = try calendar.addingWorkingDays(3, to: day("2026-12-29"), mode: .provisional)
        #expect(answer.value == day("2027-01-04"))
        #expect(answer.isProvisional)
        #expect(answer.provisionalYears == [2027])
        // Inside covered years the same mode gives an unflagged, exact answer.
        let exact = try calendar.addingWorkingDays(3, to: day("2025-09-30"), mode: .provisional)
        #expect(exact == CalendarAnswer(value: day("2025-10-11"), provisionalYears: []))
        #expect(!exact.isProvisional)
        let weekend = try calendar.isWorkingDay(day("2027-01-02"), mode: .provisional)
        #expect(weekend.value == false && weekend.isProvisional)
    }

    @Test func statutoryHolidaysAreDaysOffInEveryOfficialSchedule() throws {
        let calendar = try IntakeTestData.calendar()
        for year in [2025, 2026] {
            let days = StatutoryHolidays.days(in: year)
            #expect(days.count == 13, "元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3")
            for holiday in days { #expect(try !calendar.isWorkingDay(holiday), "\(holiday) is a day off in the official \(year) schedule") }
        }
        let expected = [
            "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
            "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03",
        ]
        #expect(StatutoryHolidays.days(in: 2027) == Set(expected.map(day)))
        #expect(StatutoryHolidays.qingmingDay(2025) == 4 && StatutoryHolidays.qingmingDay(2026) == 5 && StatutoryHolidays.qingmingDay(2028) == 4)
    }

    @Test func negativeCountRefused() throws {
        #expect(throws: CalendarError.negativeCount(-1)) { try IntakeTestData.calendar().addingWorkingDays(-1, to: day("2025-05-06")) }
    }
}
