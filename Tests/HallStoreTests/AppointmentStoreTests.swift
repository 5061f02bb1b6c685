import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// Appointments, the queue and intake on one real SQLite file with the shipped catalog and calendar,
/// staff accounts, and a manual clock in Beijing time.
struct AppointmentTestHall {
    let temp: TemporaryDatabase
    let database: HallDatabase
    let clock: ManualClock
    let queue: QueueService
    let intake: IntakeService
    let appointments: AppointmentService
    let visits: HomeVisitService
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    init(at day: String, time: String = "10:00") throws {
        temp = try TemporaryDatabase()
        database = try temp.open()
        _ = try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        clock = ManualClock(Self.instant(day, time))
        queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: NullSink())
        intake = IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: IntakeSettings(), sink: NullSink())
        appointments = AppointmentService(
            store: SQLiteAppointmentStore(database), queue: queue, clock: clock,
            settings: AppointmentSettings(), timeZone: Self.zone, sink: NullSink())
        visits = HomeVisitService(
            store: SQLiteHomeVisitStore(database), intake: intake, clock: clock,
            settings: AppointmentSettings(), timeZone: Self.zone, sink: NullSink())
    }

    /// Creates staff accounts: `wang.fang` and `li.na` (clerks), `old.clerk` (deactivated).
    func addStaff() async throws {
        let accounts = SQLiteAccountStore(database)
        try await accounts.create(StaffAccount(username: "wang.fang", displayName: "王芳", roles: [.clerk]), passwordHash: "x", at: Date())
        try await accounts.create(StaffAccount(username: "li.na", displayName: "李娜", roles: [.clerk]), passwordHash: "x", at: Date())
        try await accounts.create(
            StaffAccount(username: "old.clerk", displayName: "老员工", roles: [.clerk], isActive: false),
            passwordHash: "x", at: Date())
    }

    func set(_ day: String, _ time: String) { clock.set(Self.instant(day, time)) }

    static func instant(_ day: String, _ time: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: SlotTime.minutes(time)!, in: zone)
    }

    func slot(
        _ day: String, _ start: String = "09:00", _ end: String = "11:30", capacity: Int = 4, items: [String] = [],
        staff: [String] = []
    ) async throws -> AppointmentSlot {
        try await appointments.openSlot(
            OpenSlotRequest(
                day: LocalDay(day)!, time: try SlotTime(start: start, end: end), capacity: capacity,
                service: "general", itemIDs: items, staff: staff), actor: "head")
    }

    func book(
        _ slot: AppointmentSlot, name: String = "张三丰", phone: String = "13904771234", id: String? = "150626198503121230",
        item: String = "senior-allowance"
    ) async throws -> Appointment {
        try await appointments.book(
            BookingRequest(
                slotID: slot.id, itemID: item, name: name, phone: phone, idNumber: id,
                request: "申请高龄津贴", channel: .phone), clerk: "wang.fang")
    }

    /// Event types in the log, oldest first, and their bodies.
    func events(prefix: String) async throws -> [(String, String)] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT type, body FROM event WHERE type LIKE ? ORDER BY id", arguments: ["\(prefix)%"])
                .map { ($0[0], $0[1]) }
        }
    }

    func remove() { temp.remove() }
}

@Suite("Appointments on SQLite", .serialized)
struct AppointmentStoreTests {
    @Test("slots on days off with active staff; bookings two working days ahead, within capacity, once per person")
    func slotsAndBooking() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.addStaff()
        let slot = try await hall.slot("2026-12-05", capacity: 2, staff: ["wang.fang"])
        #expect(slot.staff == [DutyStaff(username: "wang.fang", displayName: "王芳")] && slot.holidayName == nil)
        await #expect(throws: AppointmentError.workingDay(LocalDay("2026-12-02")!)) { try await hall.slot("2026-12-02") }
        await #expect(throws: AppointmentError.unknownStaff("nobody")) { try await hall.slot("2026-12-06", staff: ["nobody"]) }
        await #expect(throws: AppointmentError.unknownStaff("old.clerk")) { try await hall.slot("2026-12-06", staff: ["old.clerk"]) }
        await #expect(throws: AppointmentError.duplicateSlot("2026-12-05 09:00–11:30")) { try await hall.slot("2026-12-05") }
        await #expect(throws: AppointmentError.unknownService("nope")) {
            try await hall.appointments.openSlot(
                OpenSlotRequest(
                    day: LocalDay("2026-12-06")!, time: try SlotTime(start: "09:00", end: "10:00"),
                    capacity: 2, service: "nope"), actor: "head")
        }
        let assigned = try await hall.appointments.assignStaff(slotID: slot.id, usernames: ["li.na", "wang.fang", "li.na"], actor: "head")
        #expect(assigned.staff.map(\.username) == ["li.na", "wang.fang"])
        #expect(try await hall.appointments.duty(username: "li.na").map(\.slot.id) == [slot.id])
        #expect(try await hall.appointments.duty(username: "old.clerk").isEmpty)

        hall.set("2026-12-02", "16:00")
        let first = try await hall.book(slot)
        #expect(first.state == .booked && first.code.count == 6 && first.materials.map(\.id).contains("id-card"))
        await #expect(throws: AppointmentError.alreadyBooked("2026-12-05 09:00–11:30")) { try await hall.book(slot) }
        _ = try await hall.book(slot, name: "李秀英", phone: "0477-7552004", id: nil)
        await #expect(throws: AppointmentError.slotFull("2026-12-05 09:00–11:30")) {
            try await hall.book(slot, name: "赵四", phone: "13800000000", id: nil)
        }
        #expect(try await hall.appointments.slot(id: slot.id).remaining == 0)

        let sunday = try await hall.slot("2026-12-06", items: ["senior-allowance"])
        await #expect(throws: AppointmentError.itemNotInSlot(item: "生育登记服务", slot: "2026-12-06 09:00–11:30")) {
            try await hall.book(sunday, item: "birth-registration")
        }
        hall.set("2026-12-03", "09:00")
        await #expect(throws: AppointmentError.tooShortNotice(day: LocalDay("2026-12-06")!, earliest: LocalDay("2026-12-07")!, workingDays: 2)) {
            try await hall.book(sunday, name: "赵四", phone: "13800000000", id: nil)
        }

        // Everything is on disk: a second connection to the same file finds the bookings by phone or ID number.
        let reopened = try HallDatabase(StoreConfiguration(path: hall.temp.path))
        let store = SQLiteAppointmentStore(reopened)
        let found = try await store.read { try $0.appointments(contact: "150626198503121230") }
        #expect(found.map(\.code) == [first.code] && found.first?.contact.name == "张三丰")
        #expect(try await hall.appointments.lookup(phoneOrIDNumber: "0477 7552004").map(\.contact.name) == ["李秀英"])
        await #expect(throws: AppointmentError.missingField("正确的手机号或身份证号")) { try await hall.appointments.lookup(phoneOrIDNumber: "12") }

        let events = try await hall.events(prefix: "appointment.")
        #expect(
            events.map(\.0) == [
                "appointment.slot_opened", "appointment.staff_assigned", "appointment.booked", "appointment.booked",
                "appointment.slot_opened",
            ])
        for (_, body) in events {
            for secret in [first.code, "13904771234", "150626198503121230", "张三丰", "7552004"] {
                #expect(!body.contains(secret), "events carry no personal data and no booking code")
            }
        }
    }

    @Test("check-in inside the booked time gives a priority ticket called first; the sweep cancels a no-show")
    func checkInAndSweep() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        let slot = try await hall.slot("2026-12-05", capacity: 3)
        hall.set("2026-12-02", "10:00")
        let a = try await hall.book(slot)
        let b = try await hall.book(slot, name: "李秀英", phone: "13800000000", id: nil)

        hall.set("2026-12-05", "08:29")
        await #expect(throws: AppointmentError.tooEarlyToCheckIn(slot: "2026年12月5日 09:00–11:30", from: "08:30")) {
            try await hall.appointments.checkIn(code: a.code, actor: "kiosk-1")
        }
        hall.set("2026-12-05", "09:05")
        let walkIn = try await hall.queue.issue(serviceKey: "general")
        await #expect(throws: AppointmentError.unknownCode) { try await hall.appointments.checkIn(code: "12ab56", actor: "kiosk-1") }
        let unknown = a.code == "000000" ? "000001" : "000000"
        await #expect(throws: AppointmentError.unknownCode) { try await hall.appointments.checkIn(code: unknown, actor: "kiosk-1") }
        let done = try await hall.appointments.checkIn(code: a.code, actor: "kiosk-1")
        #expect(done.ticket.ticket.priority == .appointment && done.ticket.ticket.serviceID == "general")
        #expect(done.ticket.peopleAhead == 0, "priority tickets go before the walk-in \(walkIn.ticket.number)")
        #expect(done.appointment.state == .checkedIn && done.appointment.ticketNumber == done.ticket.ticket.number)
        await #expect(throws: AppointmentError.alreadyCheckedIn(ticket: done.ticket.ticket.number)) {
            try await hall.appointments.checkIn(code: a.code, actor: "kiosk-1")
        }
        let called = try await hall.queue.callNext(window: 1)
        #expect(called.number == done.ticket.ticket.number)

        hall.set("2026-12-05", "11:29")
        #expect(try await hall.appointments.sweepMissed().isEmpty)
        hall.set("2026-12-05", "11:31")
        let missed = try await hall.appointments.sweepMissed()
        #expect(missed.map(\.id) == [b.id] && missed.first?.state == .missed)
        #expect(missed.first?.cancelledAt == AppointmentTestHall.instant("2026-12-05", "11:30"))
        await #expect(throws: AppointmentError.invalidState(action: "签到", state: .missed)) {
            try await hall.appointments.checkIn(appointmentID: b.id, actor: "wang.fang")
        }
        #expect(try await hall.appointments.appointment(id: a.id).state == .checkedIn)
        #expect(try await hall.events(prefix: "appointment.").map(\.0).suffix(2) == ["appointment.checked_in", "appointment.missed"])
    }

    @Test("three consecutive no-shows suspend the person until the head lifts it; an excused one breaks the streak")
    func suspension() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        let weekends = ["2026-12-05", "2026-12-12", "2026-12-19"]
        var slots: [AppointmentSlot] = []
        for day in weekends + ["2026-12-26"] { slots.append(try await hall.slot(day)) }
        hall.set("2026-12-02", "10:00")
        var excusable: [Appointment] = []
        for slot in slots.prefix(3) {
            _ = try await hall.book(slot)
            excusable.append(try await hall.book(slot, name: "李秀英", phone: "13800000000", id: nil))
        }
        for (index, day) in weekends.enumerated() {
            hall.set(day, "12:00")
            #expect(try await hall.appointments.sweepMissed().count == 2)
            if index == 1 {
                let excused = try await hall.appointments.excuse(appointmentID: excusable[1].id, reason: "突发疾病住院", clerk: "wang.fang")
                #expect(excused.excuse == "突发疾病住院" && excused.excusedBy == "wang.fang")
                await #expect(throws: AppointmentError.invalidState(action: "登记取消理由", state: .missed)) {
                    try await hall.appointments.excuse(appointmentID: excusable[1].id, reason: "再次", clerk: "wang.fang")
                }
            }
        }
        let suspended = try await hall.appointments.suspensions(activeOnly: true)
        #expect(suspended.count == 1, "only 张三丰: 李秀英's second no-show was excused")
        let s = try #require(suspended.first)
        #expect(s.personKey.rawValue == "id:150626198503121230" && s.appointmentIDs.count == 3)
        let until = LocalDay(AppointmentTestHall.instant("2026-12-19", "12:00").addingTimeInterval(90 * 86_400), in: AppointmentTestHall.zone)
        await #expect(throws: AppointmentError.suspended(until: until)) { try await hall.book(slots[3]) }
        _ = try await hall.book(slots[3], name: "李秀英", phone: "13800000000", id: nil)

        await #expect(throws: AppointmentError.reasonRequired("解除暂停")) {
            try await hall.appointments.liftSuspension(id: s.id, reason: " ", actor: "head")
        }
        let lifted = try await hall.appointments.liftSuspension(id: s.id, reason: "群众说明因照顾病人未能前来", actor: "head")
        #expect(lifted.liftedBy == "head" && !lifted.isActive(at: hall.clock.now()))
        await #expect(throws: AppointmentError.suspensionNotActive(s.id)) {
            try await hall.appointments.liftSuspension(id: s.id, reason: "再次", actor: "head")
        }
        let again = try await hall.book(slots[3])
        #expect(again.state == .booked)
        // A clerk's cancellation with a reason is excused; without, it counts.
        let cancelled = try await hall.appointments.cancel(appointmentID: again.id, reason: "家中有事", clerk: "wang.fang")
        #expect(cancelled.state == .cancelled && cancelled.excuse == "家中有事")
        await #expect(throws: AppointmentError.invalidState(action: "取消", state: .cancelled)) {
            try await hall.appointments.cancel(appointmentID: again.id, reason: nil, clerk: "wang.fang")
        }
        let types = try await hall.events(prefix: "appointment.").map(\.0)
        #expect(types.filter { $0 == "appointment.person_suspended" }.count == 1)
        #expect(types.contains("appointment.suspension_lifted") && types.contains("appointment.excused"))
    }
}
