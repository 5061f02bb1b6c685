import Foundation
import GRDB
import HallCore

/// `AppointmentTransaction` over one GRDB connection inside a transaction. Slots, bookings and
/// suspensions are stored as Hall JSON; their searchable facts are columns next to the body.
struct SQLiteAppointmentTransaction: AppointmentTransaction, SQLiteReferenceData {
    let db: Database

    // MARK: Slots

    func slot(id: Int64) throws -> AppointmentSlot? {
        try db.records(AppointmentSlot.self, "SELECT id, body FROM appointment_slot WHERE id = ?", [id]).first
    }

    func slots(from: LocalDay, through: LocalDay) throws -> [AppointmentSlot] {
        try db.records(
            AppointmentSlot.self, "SELECT id, body FROM appointment_slot WHERE day BETWEEN ? AND ? ORDER BY day, start_minute, id",
            [from.description, through.description])
    }

    func slotsAwaitingDuty(through: LocalDay) throws -> [AppointmentSlot] {
        try db.records(
            AppointmentSlot.self,
            """
            SELECT id, body FROM appointment_slot WHERE duty_recorded_at IS NULL AND day <= ? ORDER BY day, start_minute, id
            """, [through.description])
    }

    func insert(_ slot: AppointmentSlot) throws -> AppointmentSlot {
        try db.cachedStatement(sql: "INSERT INTO appointment_slot (day, start_minute, duty_recorded_at, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [
                slot.day.description, slot.time.startMinute, slot.dutyRecordedAt?.timeIntervalSince1970,
                try HallJSON.string(slot),
            ])
        var stored = slot
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ slot: AppointmentSlot) throws {
        try db.cachedStatement(sql: "UPDATE appointment_slot SET day = ?, start_minute = ?, duty_recorded_at = ?, body = ? WHERE id = ?")
            .execute(arguments: [
                slot.day.description, slot.time.startMinute, slot.dutyRecordedAt?.timeIntervalSince1970,
                try HallJSON.string(slot), slot.id,
            ])
        guard db.changesCount == 1 else { throw AppointmentError.unknownSlot(slot.id) }
    }

    func placesTaken(slotID: Int64) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM appointment WHERE slot_id = ? AND state IN (?, ?)"),
            arguments: [slotID, AppointmentState.booked.rawValue, AppointmentState.checkedIn.rawValue]) ?? 0
    }

    // MARK: Bookings

    func appointment(id: Int64) throws -> Appointment? {
        try db.records(Appointment.self, "SELECT id, body FROM appointment WHERE id = ?", [id]).first
    }

    func appointment(code: String) throws -> Appointment? {
        try db.records(Appointment.self, "SELECT id, body FROM appointment WHERE code = ?", [code]).first
    }

    func appointments(slotID: Int64) throws -> [Appointment] {
        try db.records(Appointment.self, "SELECT id, body FROM appointment WHERE slot_id = ? ORDER BY id", [slotID])
    }

    func appointments(person: PersonKey) throws -> [Appointment] {
        try db.records(Appointment.self, "SELECT id, body FROM appointment WHERE person_key = ? ORDER BY id", [person.rawValue])
    }

    func appointments(contact value: String) throws -> [Appointment] {
        try db.records(Appointment.self, "SELECT id, body FROM appointment WHERE phone = ? OR id_number = ? ORDER BY id", [value, value])
    }

    func appointments(state: AppointmentState, through: LocalDay) throws -> [Appointment] {
        try db.records(
            Appointment.self, "SELECT id, body FROM appointment WHERE state = ? AND day <= ? ORDER BY id",
            [state.rawValue, through.description])
    }

    func insert(_ appointment: Appointment) throws -> Appointment {
        try db.cachedStatement(
            sql: """
                INSERT INTO appointment (code, slot_id, day, state, person_key, phone, id_number, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: try Self.columns(appointment))
        var stored = appointment
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ appointment: Appointment) throws {
        try db.cachedStatement(
            sql: """
                UPDATE appointment SET code = ?, slot_id = ?, day = ?, state = ?, person_key = ?, phone = ?, id_number = ?, body = ?
                WHERE id = ?
                """
        ).execute(arguments: try Self.columns(appointment) + [appointment.id])
        guard db.changesCount == 1 else { throw AppointmentError.unknownAppointment("#\(appointment.id)") }
    }

    // MARK: Suspensions

    func suspension(id: Int64) throws -> BookingSuspension? {
        try db.records(BookingSuspension.self, "SELECT id, body FROM appointment_suspension WHERE id = ?", [id]).first
    }

    func suspensions(person: PersonKey) throws -> [BookingSuspension] {
        try db.records(
            BookingSuspension.self, "SELECT id, body FROM appointment_suspension WHERE person_key = ? ORDER BY id",
            [person.rawValue])
    }

    func allSuspensions() throws -> [BookingSuspension] {
        try db.records(BookingSuspension.self, "SELECT id, body FROM appointment_suspension ORDER BY id DESC", [])
    }

    func insert(_ suspension: BookingSuspension) throws -> BookingSuspension {
        try db.cachedStatement(sql: "INSERT INTO appointment_suspension (person_key, body) VALUES (?, ?)")
            .execute(arguments: [suspension.personKey.rawValue, try HallJSON.string(suspension)])
        var stored = suspension
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ suspension: BookingSuspension) throws {
        try db.cachedStatement(sql: "UPDATE appointment_suspension SET person_key = ?, body = ? WHERE id = ?")
            .execute(arguments: [suspension.personKey.rawValue, try HallJSON.string(suspension), suspension.id])
        guard db.changesCount == 1 else { throw AppointmentError.unknownSuspension(suspension.id) }
    }

    // MARK: Helpers

    private static func columns(_ a: Appointment) throws -> StatementArguments {
        [
            a.code, a.slotID, a.day.description, a.state.rawValue, a.personKey.rawValue, a.contact.phone.value,
            a.contact.idNumber?.value, try HallJSON.string(a),
        ]
    }
}
