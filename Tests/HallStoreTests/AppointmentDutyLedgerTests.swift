import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

extension AppointmentTestHall {
    /// The staff ledger on the same database, as halld wires it (the shipped official calendar).
    func ledger(on database: HallDatabase? = nil, thresholdMinutes: Int = 480) throws -> LedgerService {
        let db = database ?? self.database
        let schedules = try IntakeData.schedules.map(HolidaySchedule.decode(from:))
        return LedgerService(
            store: SQLiteExtendedStore(db), accounts: SQLiteAccountStore(db), clock: clock, timeZone: Self.zone,
            settings: LedgerSettings(leaveThresholdMinutes: thresholdMinutes),
            calendar: { try WorkingDayCalendar(schedules: schedules) }, sink: NullSink())
    }

    /// The appointment duty recorder over this hall's appointments and queue.
    func dutyRecorder(_ ledger: LedgerService) -> AppointmentDutyRecorder {
        AppointmentDutyRecorder(appointments: appointments, queue: queue, ledger: ledger)
    }

    /// Every ledger entry in the database, oldest first.
    func ledgerRows() async throws -> [LedgerEntry] {
        try await SQLiteExtendedStore(database).read { (tx: any LedgerTransaction) in try tx.ledgerEntries(staff: nil, from: nil, through: nil) }
    }
}

@Suite("Appointment duty in the staff ledger on SQLite", .serialized)
struct AppointmentDutyLedgerTests {
    @Test("an ended slot's staff get one appointment entry each: from the first call to the last finish, with what was served")
    func dutyRecordedOnceFromTheRealQueue() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.addStaff()
        let ledger = try hall.ledger()
        let recorder = hall.dutyRecorder(ledger)
        let slot = try await hall.slot("2026-12-05", capacity: 4, staff: ["wang.fang", "li.na"])
        hall.set("2026-12-02", "10:00")
        let first = try await hall.book(slot)
        let second = try await hall.book(slot, name: "李秀英", phone: "13800000000", id: nil)
        _ = try await hall.book(slot, name: "赵四", phone: "13800000001", id: nil)
        let withdrawn = try await hall.book(slot, name: "钱五", phone: "13800000002", id: nil)
        hall.set("2026-12-03", "10:00")
        _ = try await hall.appointments.cancel(appointmentID: withdrawn.id, reason: "改期", clerk: "wang.fang")

        // 08:40 the first resident checks in early and is called at 08:45, finished at 09:00.
        hall.set("2026-12-05", "08:40")
        let t1 = try await hall.appointments.checkIn(code: first.code, actor: "kiosk-1").ticket.ticket
        hall.set("2026-12-05", "08:45"); _ = try await hall.queue.callNext(window: 1, actor: "wang.fang")
        hall.set("2026-12-05", "08:46"); _ = try await hall.queue.start(window: 1, actor: "wang.fang")
        hall.set("2026-12-05", "09:00"); _ = try await hall.queue.finish(window: 1, actor: "wang.fang")
        hall.set("2026-12-05", "10:00")
        var round = try await recorder.recordEndedSlots()
        #expect(round.entries.isEmpty && round.slotsDone.isEmpty, "the slot is not over")
        // The second at 11:10, called at 11:20 and still at the window when the slot ends.
        hall.set("2026-12-05", "11:10")
        let t2 = try await hall.appointments.checkIn(code: second.code, actor: "kiosk-1").ticket.ticket
        hall.set("2026-12-05", "11:20"); _ = try await hall.queue.callNext(window: 1, actor: "li.na")
        hall.set("2026-12-05", "11:21"); _ = try await hall.queue.start(window: 1, actor: "li.na")
        hall.set("2026-12-05", "11:31")
        #expect(try await hall.appointments.sweepMissed().count == 1, "the third resident never came")
        round = try await recorder.recordEndedSlots()
        #expect(round.entries.isEmpty && round.failures.isEmpty, "a resident of the slot is still being served")
        #expect(try await hall.ledgerRows().isEmpty)

        hall.set("2026-12-05", "11:50"); _ = try await hall.queue.finish(window: 1, actor: "li.na")
        hall.set("2026-12-05", "11:51")
        round = try await recorder.recordEndedSlots()
        #expect(round.failures.isEmpty && round.slotsDone == [slot.id])
        let rows = try await hall.ledgerRows()
        #expect(rows.map(\.staff).sorted() == ["li.na", "wang.fang"])
        for entry in rows {
            #expect(entry.kind == .appointment && entry.source == .appointment && entry.slotID == slot.id && entry.recordedBy == "system")
            #expect(entry.day == LocalDay("2026-12-05")! && entry.minutes == 185, "08:45 (first call) to 11:50 (last finish)")
            #expect(entry.start == AppointmentTestHall.instant("2026-12-05", "08:45"))
            #expect(entry.end == AppointmentTestHall.instant("2026-12-05", "11:50"))
            #expect(entry.served == [t1.number, t2.number])
            #expect(entry.note == "预约服务 09:00–11:30：应到3人，签到2人，未到1人；08:45 开始叫号；最后一位群众 11:50 办结")
        }
        let marked = try await hall.appointments.slot(id: slot.id).slot
        #expect(marked.dutyRecordedAt == AppointmentTestHall.instant("2026-12-05", "11:51"))
        #expect(try await hall.events(prefix: "ledger.recorded").count == 2)
        let dutyEvents = try await hall.events(prefix: "appointment.duty_recorded")
        #expect(dutyEvents.count == 1 && dutyEvents[0].1.contains("\"minutes\":\"185\""))
        await #expect(throws: AppointmentError.dutyAlreadyRecorded(marked.label)) {
            try await hall.appointments.assignStaff(slotID: slot.id, usernames: ["wang.fang"], actor: "head")
        }

        // Again, and after a restart on a fresh connection to the same file: nothing more.
        hall.set("2026-12-05", "12:30")
        round = try await recorder.recordEndedSlots()
        #expect(round.entries.isEmpty && round.slotsDone.isEmpty)
        let reopened = try hall.temp.open()
        let restarted = AppointmentDutyRecorder(
            appointments: AppointmentService(
                store: SQLiteAppointmentStore(reopened), queue: hall.queue, clock: hall.clock,
                settings: AppointmentSettings(), timeZone: AppointmentTestHall.zone, sink: NullSink()),
            queue: hall.queue, ledger: try hall.ledger(on: reopened))
        #expect(try await restarted.recordEndedSlots().entries.isEmpty)
        #expect(try await hall.ledgerRows().count == 2)
        #expect(try await ledger.balances(staff: "li.na").first?.appointmentMinutes == 185)
    }

    @Test("a round that stopped between the ledger and the slot's mark is finished without a second entry; the database refuses one")
    func crashBetweenLedgerAndMark() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.addStaff()
        let ledger = try hall.ledger()
        let slot = try await hall.slot("2026-12-05", staff: ["wang.fang", "li.na"])
        hall.set("2026-12-02", "10:00")
        _ = try await hall.book(slot)
        hall.set("2026-12-05", "11:31")
        _ = try await hall.appointments.sweepMissed()
        // The daemon stored wang.fang's entry, then stopped before li.na's and before marking the slot.
        let start = AppointmentTestHall.instant("2026-12-05", "09:00"), end = AppointmentTestHall.instant("2026-12-05", "11:30")
        let stored = try await ledger.record(
            kind: .appointment, staff: "wang.fang", start: start, end: end, note: "预约服务",
            source: .appointment, slotID: slot.id, by: "system")
        let again = try await ledger.record(
            kind: .appointment, staff: "wang.fang", start: start, end: end, note: "预约服务",
            source: .appointment, slotID: slot.id, by: "system")
        #expect(again.id == stored.id, "recording a slot's duty twice returns the first entry")

        let round = try await hall.dutyRecorder(ledger).recordEndedSlots()
        #expect(round.slotsDone == [slot.id] && round.entries.count == 2)
        let rows = try await hall.ledgerRows()
        #expect(rows.map(\.staff).sorted() == ["li.na", "wang.fang"] && rows.allSatisfy { $0.minutes == 150 })
        #expect(
            rows.first { $0.staff == "li.na" }?.note == "预约服务 09:00–11:30：应到1人，签到0人，未到1人",
            "the staff were at their post for the booked time even though nobody came")

        // The unique index is the last guard: a second row for the same slot and staff is refused.
        var copy = stored
        copy.id = 0
        let duplicate = copy
        await #expect(throws: DatabaseError.self) {
            try await SQLiteExtendedStore(hall.database).write { (tx: any LedgerTransaction) in try tx.insertLedgerEntry(duplicate) }
        }
        #expect(try await hall.ledgerRows().count == 2)
    }

    @Test("no entry for a slot nobody was expected at; a resident left open past midnight ends the duty at the slot's end")
    func emptySlotsAndOpenTickets() async throws {
        let hall = try AppointmentTestHall(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.addStaff()
        let ledger = try hall.ledger()
        let recorder = hall.dutyRecorder(ledger)
        let empty = try await hall.slot("2026-12-05", "14:00", "16:00", staff: ["wang.fang"])
        let withdrawnOnly = try await hall.slot("2026-12-06", staff: ["wang.fang"])
        let unattended = try await hall.slot("2026-12-06", "14:00", "16:00", staff: [])
        let open = try await hall.slot("2026-12-12", staff: ["li.na"])
        hall.set("2026-12-02", "10:00")
        let withdrawn = try await hall.book(withdrawnOnly)
        _ = try await hall.appointments.cancel(appointmentID: withdrawn.id, reason: nil, clerk: "wang.fang")
        _ = try await hall.book(unattended, name: "李秀英", phone: "13800000000", id: nil)
        let stays = try await hall.book(open, name: "赵四", phone: "13800000001", id: nil)

        hall.set("2026-12-06", "16:01")
        _ = try await hall.appointments.sweepMissed()
        var round = try await recorder.recordEndedSlots()
        #expect(Set(round.slotsDone) == [empty.id, withdrawnOnly.id, unattended.id] && round.entries.isEmpty)
        #expect(try await hall.appointments.slot(id: empty.id).slot.dutyRecordedAt != nil)
        #expect(try await hall.events(prefix: "appointment.duty_recorded").count == 3)

        hall.set("2026-12-12", "09:30")
        let ticket = try await hall.appointments.checkIn(code: stays.code, actor: "kiosk-1").ticket.ticket
        hall.set("2026-12-12", "09:40"); _ = try await hall.queue.callNext(window: 1, actor: "li.na")
        hall.set("2026-12-12", "23:59")
        round = try await recorder.recordEndedSlots()
        #expect(round.slotsDone.isEmpty, "the resident is still at the window on the slot's day")
        hall.set("2026-12-13", "00:01")
        round = try await recorder.recordEndedSlots()
        #expect(round.slotsDone == [open.id])
        let entry = try #require(try await hall.ledgerRows().first)
        #expect(entry.staff == "li.na" && entry.minutes == 150 && entry.served == [ticket.number])
        #expect(entry.end == AppointmentTestHall.instant("2026-12-12", "11:30"), "never closed: the duty ends with the slot")

        // Cancelled only on the morning of the day: the staff were already on their way, the duty counts.
        let lateCancel = try await hall.slot("2026-12-19", staff: ["wang.fang"])
        hall.set("2026-12-15", "10:00")
        let late = try await hall.book(lateCancel, name: "孙六", phone: "13800000003", id: nil)
        hall.set("2026-12-19", "08:00")
        _ = try await hall.appointments.cancel(appointmentID: late.id, reason: "临时有事", clerk: "li.na")
        hall.set("2026-12-19", "11:30")
        round = try await recorder.recordEndedSlots()
        #expect(round.slotsDone == [lateCancel.id] && round.entries.map(\.staff) == ["wang.fang"])
        #expect(round.entries.first?.minutes == 150 && round.entries.first?.served == [])
        #expect(round.entries.first?.note == "预约服务 09:00–11:30：应到1人，签到0人，未到1人")
    }
}
