import Foundation
import GRDB
import HallCore

/// Extended hours, the ledger and follow-ups over one GRDB connection inside a transaction.
/// Tickets are read through the queue's own transaction type.
struct SQLiteExtendedTransaction: ExtendedHoursTransaction, FollowUpTransaction {
    let db: Database

    // MARK: Opening hours

    func openingHoursOverride() throws -> OpeningHoursOverride? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM opening_hours_override WHERE id = 1"))
            .map { try Self.decode(OpeningHoursOverride.self, $0) }
    }

    func saveOpeningHoursOverride(_ value: OpeningHoursOverride?) throws {
        guard let value else {
            try db.execute(sql: "DELETE FROM opening_hours_override")
            return
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO opening_hours_override (id, body) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body
                """
        ).execute(arguments: [try HallJSON.string(value)])
    }

    // MARK: Queue (read only)

    func tickets(day: LocalDay, states: Set<TicketState>) throws -> [Ticket] {
        try SQLiteQueueTransaction(db: db).tickets(day: day, states: states)
    }

    func events(from: Date, through: Date) throws -> [HallEvent] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT body FROM event WHERE at >= ? AND at <= ? AND \(EventLog.notIssued) ORDER BY id"),
            arguments: [from.timeIntervalSince1970, through.timeIntervalSince1970]
        )
        .compactMap { try? Self.decode(HallEvent.self, $0) }
    }

    func append(_ event: HallEvent) throws -> HallEvent {
        try EventLog.append(event, in: db)
    }

    // MARK: Extended periods

    func extendedSessions(from: LocalDay, through: LocalDay) throws -> [ExtendedSession] {
        try rows(
            "SELECT id, body FROM extended_session WHERE day >= ? AND day <= ? ORDER BY started_at, id",
            [from.description, through.description], ExtendedSession.self
        ) { $0.id = $1 }
    }

    func activeExtendedSession() throws -> ExtendedSession? {
        try rows(
            "SELECT id, body FROM extended_session WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1", [],
            ExtendedSession.self
        ) { $0.id = $1 }.first
    }

    func insertExtendedSession(_ session: ExtendedSession) throws -> ExtendedSession {
        try db.cachedStatement(sql: "INSERT INTO extended_session (day, started_at, ended_at, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [
                session.day.description, session.startedAt.timeIntervalSince1970,
                session.endedAt?.timeIntervalSince1970, try HallJSON.string(session),
            ])
        var stored = session
        stored.id = db.lastInsertedRowID
        try updateExtendedSession(stored)
        return stored
    }

    func updateExtendedSession(_ session: ExtendedSession) throws {
        try db.cachedStatement(sql: "UPDATE extended_session SET day = ?, started_at = ?, ended_at = ?, body = ? WHERE id = ?")
            .execute(arguments: [
                session.day.description, session.startedAt.timeIntervalSince1970,
                session.endedAt?.timeIntervalSince1970, try HallJSON.string(session), session.id,
            ])
    }

    // MARK: Replacements

    func replacements(day: LocalDay) throws -> [ExtendedReplacement] {
        try rows(
            "SELECT id, body FROM extended_replacement WHERE day = ? ORDER BY id", [day.description],
            ExtendedReplacement.self
        ) { $0.id = $1 }
    }

    func insertReplacement(_ replacement: ExtendedReplacement) throws -> ExtendedReplacement {
        try db.cachedStatement(sql: "INSERT INTO extended_replacement (day, window_number, body) VALUES (?, ?, '')")
            .execute(arguments: [replacement.day.description, replacement.window])
        var stored = replacement
        stored.id = db.lastInsertedRowID
        try updateReplacement(stored)
        return stored
    }

    func updateReplacement(_ replacement: ExtendedReplacement) throws {
        try db.cachedStatement(sql: "UPDATE extended_replacement SET day = ?, window_number = ?, body = ? WHERE id = ?")
            .execute(arguments: [replacement.day.description, replacement.window, try HallJSON.string(replacement), replacement.id])
    }

    // MARK: Markers

    func marker(day: LocalDay, kind: String) throws -> Date? {
        try Double.fetchOne(
            db.cachedStatement(sql: "SELECT at FROM extended_marker WHERE day = ? AND kind = ?"),
            arguments: [day.description, kind]
        ).map { Date(timeIntervalSince1970: $0) }
    }

    func setMarker(day: LocalDay, kind: String, at: Date) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO extended_marker (day, kind, at) VALUES (?, ?, ?)")
            .execute(arguments: [day.description, kind, at.timeIntervalSince1970])
    }

    // MARK: Ledger

    func ledgerEntries(staff: String?, from: LocalDay?, through: LocalDay?) throws -> [LedgerEntry] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let staff { conditions.append("staff = ?"); arguments.append(staff) }
        if let from { conditions.append("day >= ?"); arguments.append(from.description) }
        if let through { conditions.append("day <= ?"); arguments.append(through.description) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try rows(
            "SELECT id, body FROM ledger_entry \(filter) ORDER BY day, start_at, id", arguments,
            LedgerEntry.self
        ) { $0.id = $1 }
    }

    func ledgerEntry(id: Int64) throws -> LedgerEntry? {
        try rows("SELECT id, body FROM ledger_entry WHERE id = ?", [id], LedgerEntry.self) { $0.id = $1 }.first
    }

    func ledgerEntry(slotID: Int64, staff: String) throws -> LedgerEntry? {
        try rows("SELECT id, body FROM ledger_entry WHERE slot_id = ? AND staff = ?", [slotID, staff], LedgerEntry.self) { $0.id = $1 }.first
    }

    func insertLedgerEntry(_ entry: LedgerEntry) throws -> LedgerEntry {
        try db.cachedStatement(
            sql: """
                INSERT INTO ledger_entry (staff, kind, day, start_at, minutes, session_id, slot_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, '')
                """
        ).execute(arguments: [
            entry.staff, entry.kind.rawValue, entry.day.description, entry.start.timeIntervalSince1970,
            entry.minutes, entry.sessionID, entry.slotID,
        ])
        var stored = entry
        stored.id = db.lastInsertedRowID
        try updateLedgerEntry(stored)
        return stored
    }

    func updateLedgerEntry(_ entry: LedgerEntry) throws {
        try db.cachedStatement(
            sql: """
                UPDATE ledger_entry SET staff = ?, kind = ?, day = ?, start_at = ?, minutes = ?, session_id = ?, slot_id = ?, body = ?
                WHERE id = ?
                """
        ).execute(arguments: [
            entry.staff, entry.kind.rawValue, entry.day.description, entry.start.timeIntervalSince1970,
            entry.minutes, entry.sessionID, entry.slotID, try HallJSON.string(entry), entry.id,
        ])
        guard db.changesCount == 1 else { throw LedgerError.unknownEntry(entry.id) }
    }

    func leaveGrants(staff: String?) throws -> [LeaveGrant] {
        if let staff {
            return try rows("SELECT id, body FROM leave_grant WHERE staff = ? ORDER BY day, id", [staff], LeaveGrant.self) { $0.id = $1 }
        }
        return try rows("SELECT id, body FROM leave_grant ORDER BY day, id", [], LeaveGrant.self) { $0.id = $1 }
    }

    func leaveGrant(id: Int64) throws -> LeaveGrant? {
        try rows("SELECT id, body FROM leave_grant WHERE id = ?", [id], LeaveGrant.self) { $0.id = $1 }.first
    }

    func insertLeaveGrant(_ grant: LeaveGrant) throws -> LeaveGrant {
        try db.cachedStatement(sql: "INSERT INTO leave_grant (staff, day, state, body) VALUES (?, ?, ?, '')")
            .execute(arguments: [grant.staff, grant.day.description, grant.state.rawValue])
        var stored = grant
        stored.id = db.lastInsertedRowID
        try updateLeaveGrant(stored)
        return stored
    }

    func updateLeaveGrant(_ grant: LeaveGrant) throws {
        try db.cachedStatement(sql: "UPDATE leave_grant SET staff = ?, day = ?, state = ?, body = ? WHERE id = ?")
            .execute(arguments: [grant.staff, grant.day.description, grant.state.rawValue, try HallJSON.string(grant), grant.id])
        guard db.changesCount == 1 else { throw LedgerError.unknownGrant(grant.id) }
    }

    // MARK: Follow-ups

    func followUps(states: Set<FollowUp.State>, owner: String?) throws -> [FollowUp] {
        let list = states.map(\.rawValue).sorted()
        guard !list.isEmpty else { return [] }
        var sql = "SELECT id, body FROM follow_up WHERE state IN (\(databaseQuestionMarks(count: list.count)))"
        var arguments: [(any DatabaseValueConvertible)?] = list
        if let owner { sql += " AND owner = ?"; arguments.append(owner) }
        return try rows(sql + " ORDER BY due_day, id", arguments, FollowUp.self) { $0.id = $1 }
    }

    func followUp(id: Int64) throws -> FollowUp? {
        try rows("SELECT id, body FROM follow_up WHERE id = ?", [id], FollowUp.self) { $0.id = $1 }.first
    }

    func insertFollowUp(_ followUp: FollowUp) throws -> FollowUp {
        try db.cachedStatement(
            sql: """
                INSERT INTO follow_up (state, owner, due_day, source_kind, source_ref, body) VALUES (?, ?, ?, ?, ?, '')
                """
        ).execute(arguments: [
            followUp.state.rawValue, followUp.owner, followUp.dueDay.description,
            followUp.source.kind, followUp.source.reference,
        ])
        var stored = followUp
        stored.id = db.lastInsertedRowID
        try updateFollowUp(stored)
        return stored
    }

    func updateFollowUp(_ followUp: FollowUp) throws {
        try db.cachedStatement(
            sql: """
                UPDATE follow_up SET state = ?, owner = ?, due_day = ?, source_kind = ?, source_ref = ?, body = ? WHERE id = ?
                """
        ).execute(arguments: [
            followUp.state.rawValue, followUp.owner, followUp.dueDay.description, followUp.source.kind,
            followUp.source.reference, try HallJSON.string(followUp), followUp.id,
        ])
        guard db.changesCount == 1 else { throw FollowUpError.unknownFollowUp(followUp.id) }
    }

    // MARK: Helpers

    /// Rows of (id, body): the body decoded, the id set by `setID` (the row id is the identifier).
    private func rows<T: Decodable>(
        _ sql: String, _ arguments: [(any DatabaseValueConvertible)?], _ type: T.Type,
        setID: (inout T, Int64) -> Void
    ) throws -> [T] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map { row in
            var value = try Self.decode(T.self, row[1])
            setID(&value, row[0])
            return value
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try HallJSON.decoder().decode(T.self, from: Data(text.utf8))
    }
}
