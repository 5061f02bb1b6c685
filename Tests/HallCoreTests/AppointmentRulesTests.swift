import Foundation
import Testing

@testable import HallCore

/// The appointment rules on the real 2025/2026 official calendar: which days get slots, two working
/// days ahead (holidays, make-up working weekends, the year boundary), the check-in window.
@Suite struct AppointmentRulesTests {
    let day = IntakeTestData.day
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    private func slotDay(_ text: String) throws -> String? {
        try AppointmentDays.checkSlotDay(day(text), calendar: IntakeTestData.calendar())?.name
    }

    private func book(on bookedOn: String, for slot: String) throws {
        try BookingLeadTime.check(bookedOn: day(bookedOn), for: day(slot), calendar: IntakeTestData.calendar())
    }

    private func earliest(_ bookedOn: String) throws -> String {
        try BookingLeadTime.earliestDay(bookedOn: day(bookedOn), calendar: IntakeTestData.calendar()).description
    }

    @Test("slots only on days off: ordinary weekends and public holidays, also on a weekday")
    func slotDays() throws {
        #expect(try slotDay("2026-12-05") == nil, "an ordinary Saturday")
        #expect(try slotDay("2026-12-06") == nil, "an ordinary Sunday")
        #expect(try slotDay("2026-10-05") == "国庆节", "Monday inside 国庆节")
        #expect(try slotDay("2025-01-01") == "元旦", "Wednesday 元旦 2025")
        #expect(try slotDay("2026-02-18") == "春节", "Wednesday inside 春节 2026")
        #expect(throws: AppointmentError.workingDay(day("2026-12-02"))) { try slotDay("2026-12-02") }
        #expect(throws: AppointmentError.workingDay(day("2026-10-08"))) { try slotDay("2026-10-08") }
    }

    @Test("a make-up working weekend (调休上班) is a working day: no slots")
    func makeUpWorkdays() throws {
        #expect(throws: AppointmentError.makeUpWorkday(day("2026-01-04"), holiday: "元旦")) { try slotDay("2026-01-04") }
        #expect(throws: AppointmentError.makeUpWorkday(day("2026-02-14"), holiday: "春节")) { try slotDay("2026-02-14") }
        #expect(throws: AppointmentError.makeUpWorkday(day("2026-02-28"), holiday: "春节")) { try slotDay("2026-02-28") }
        #expect(throws: AppointmentError.makeUpWorkday(day("2025-10-11"), holiday: "国庆节、中秋节")) { try slotDay("2025-10-11") }
        #expect(throws: AppointmentError.makeUpWorkday(day("2025-09-28"), holiday: "国庆节、中秋节")) { try slotDay("2025-09-28") }
        #expect(try slotDay("2025-10-12") == nil, "the Sunday after the make-up Saturday is an ordinary day off")
        let message = AppointmentError.makeUpWorkday(day("2026-01-04"), holiday: "元旦").message
        #expect(message.contains("2026年1月4日") && message.contains("调休上班"))
    }

    @Test("a year without an imported schedule is refused, never guessed")
    func uncoveredYear() throws {
        #expect(throws: CalendarError.notCovered(year: 2027)) { try slotDay("2027-01-02") }
        #expect(throws: CalendarError.notCovered(year: 2027)) { try book(on: "2026-12-30", for: "2027-01-02") }
    }

    @Test("two working days ahead in an ordinary week")
    func ordinaryWeek() throws {
        // Wed 12-02: Thu 12-03 (1), Fri 12-04 (2) → the weekend 12-05/06 may be booked.
        #expect(try earliest("2026-12-02") == "2026-12-04")
        try book(on: "2026-12-02", for: "2026-12-05")
        try book(on: "2026-12-02", for: "2026-12-06")
        // Thu 12-03: only Fri 12-04 before the weekend → too close; the next weekend is fine.
        #expect(try earliest("2026-12-03") == "2026-12-07")
        #expect(throws: AppointmentError.tooShortNotice(day: day("2026-12-05"), earliest: day("2026-12-07"), workingDays: 2)) {
            try book(on: "2026-12-03", for: "2026-12-05")
        }
        #expect(throws: AppointmentError.tooShortNotice(day: day("2026-12-06"), earliest: day("2026-12-07"), workingDays: 2)) {
            try book(on: "2026-12-03", for: "2026-12-06")
        }
        try book(on: "2026-12-03", for: "2026-12-12")
        // Booked on a Saturday: the booking day never counts; Mon (1), Tue (2).
        #expect(try earliest("2026-12-05") == "2026-12-08")
        try book(on: "2026-12-05", for: "2026-12-12")
        #expect(throws: AppointmentError.dayPassed(day("2026-12-05"))) { try book(on: "2026-12-05", for: "2026-12-05") }
        #expect(throws: AppointmentError.dayPassed(day("2026-12-05"))) { try book(on: "2026-12-07", for: "2026-12-05") }
    }

    @Test("across the year boundary: booked 2025-12-30 for Saturday 2026-01-03 is too close")
    func yearBoundary() throws {
        // Tue 12-30: Wed 12-31 (1), 01-01…01-03 元旦 off, Sun 01-04 make-up (2).
        #expect(try earliest("2025-12-30") == "2026-01-04")
        #expect(throws: AppointmentError.tooShortNotice(day: day("2026-01-03"), earliest: day("2026-01-04"), workingDays: 2)) {
            try book(on: "2025-12-30", for: "2026-01-03")
        }
        // Mon 12-29: Tue 12-30 (1), Wed 12-31 (2) → 元旦 (01-01…01-03) may be booked.
        #expect(try earliest("2025-12-29") == "2025-12-31")
        try book(on: "2025-12-29", for: "2026-01-01")
        try book(on: "2025-12-29", for: "2026-01-03")
        // Wed 12-31: Sun 01-04 make-up (1), Mon 01-05 (2).
        #expect(try earliest("2025-12-31") == "2026-01-05")
        try book(on: "2025-12-31", for: "2026-01-10")
    }

    @Test("make-up working Saturdays count as working days of notice (春节 2026)")
    func springFestival() throws {
        // Thu 02-12: Fri 02-13 (1), Sat 02-14 make-up (2) → 春节 from 02-15 may be booked.
        #expect(try earliest("2026-02-12") == "2026-02-14")
        try book(on: "2026-02-12", for: "2026-02-15")
        // Fri 02-13: Sat 02-14 make-up (1), 02-15…02-23 off, Tue 02-24 (2) → the whole holiday is too close.
        #expect(try earliest("2026-02-13") == "2026-02-24")
        for d in ["2026-02-15", "2026-02-18", "2026-02-22"] {
            #expect(throws: AppointmentError.tooShortNotice(day: day(d), earliest: day("2026-02-24"), workingDays: 2)) {
                try book(on: "2026-02-13", for: d)
            }
        }
        try book(on: "2026-02-13", for: "2026-03-01")
        // National Day 2025: Fri 09-26: Sun 09-28 make-up (1), Mon 09-29 (2).
        #expect(try earliest("2025-09-26") == "2025-09-29")
        try book(on: "2025-09-26", for: "2025-10-01")
    }

    @Test("check-in opens 30 minutes before the booked time and closes at its end")
    func checkInWindow() throws {
        let catalog = try IntakeTestData.catalog()
        let slot = AppointmentSlot(
            day: day("2026-12-05"), time: try SlotTime(start: "09:00", end: "11:30"), capacity: 4,
            serviceID: "comprehensive", openedBy: "head", openedAt: Date(timeIntervalSince1970: 0))
        let a = Appointment(
            code: "123456", slot: slot, item: try catalog.item("senior-allowance"),
            contact: try ResidentContact.parse(name: "张三丰", phone: "13904771234", idNumber: nil, today: day("2026-12-01")),
            request: "申请高龄津贴", channel: .phone, bookedBy: "clerk", bookedAt: Date(), bookedOn: day("2026-12-01"))
        func at(_ d: String, _ minute: Int) throws {
            try AppointmentService.checkWindow(a, now: day(d).instant(minutesAfterMidnight: minute, in: zone), earlyMinutes: 30, timeZone: zone)
        }
        #expect(throws: AppointmentError.tooEarlyToCheckIn(slot: "2026年12月5日 09:00–11:30", from: "08:30")) { try at("2026-12-05", 509) }
        try at("2026-12-05", 510)
        try at("2026-12-05", 689)
        #expect(throws: AppointmentError.checkInClosed("2026年12月5日 09:00–11:30")) { try at("2026-12-05", 690) }
        #expect(throws: AppointmentError.notToday(day("2026-12-05"))) { try at("2026-12-04", 600) }
        #expect(throws: AppointmentError.checkInClosed("2026年12月5日 09:00–11:30")) { try at("2026-12-06", 600) }
    }

    @Test("times, codes and who a person is")
    func parsing() throws {
        #expect(try SlotTime(start: "9:00", end: "11:30").description == "09:00–11:30")
        #expect(throws: AppointmentError.badTime("25:00")) { try SlotTime(start: "25:00", end: "26:00") }
        #expect(throws: AppointmentError.badTimeRange("11:00", "09:00")) { try SlotTime(start: "11:00", end: "09:00") }
        #expect(try SlotTime(start: "14:00", end: "24:00").endMinute == 1440)
        #expect(BookingCode.normalise("012 345") == "012345" && BookingCode.normalise("12345") == nil && BookingCode.normalise("12345a") == nil)
        #expect(BookingCode.random().count == 6)
        let today = day("2026-12-01")
        let withID = try ResidentContact.parse(name: " 张三丰 ", phone: "139 0477 1234", idNumber: IntakeTestData.idMale1985, today: today)
        #expect(withID.personKey.rawValue == "id:\(IntakeTestData.idMale1985)" && withID.name == "张三丰")
        let phoneOnly = try ResidentContact.parse(name: "张三丰", phone: "13904771234", idNumber: "  ", today: today)
        #expect(phoneOnly.personKey.rawValue == "phone:13904771234")
        #expect(withID.masked == MaskedContact(name: "张*丰", phone: "139****1234", idNumber: "1506**********1230"))
        #expect(throws: AppointmentError.missingField("姓名")) {
            try ResidentContact.parse(name: " ", phone: "13904771234", idNumber: nil, today: today)
        }
        #expect(throws: IdentityError.self) { try ResidentContact.parse(name: "张三", phone: "12345", idNumber: nil, today: today) }
        #expect(throws: IdentityError.self) {
            try ResidentContact.parse(name: "张三", phone: "13904771234", idNumber: "150626198503121231", today: today)
        }
    }
}
