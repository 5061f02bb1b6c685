import Foundation
import GRDB
import HallCore

/// `IntakeTransaction` over one GRDB connection inside a transaction. The catalog, the schedules
/// and each case are stored as Hall JSON; a case's searchable facts are columns next to its body.
struct SQLiteIntakeTransaction: IntakeTransaction {
    let db: Database

    func catalog() throws -> Catalog? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM intake_catalog WHERE id = 1"))
            .map { try HallJSON.decoder().decode(Catalog.self, from: Data($0.utf8)) }
    }

    func save(catalog: Catalog) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO intake_catalog (id, body) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body
                """
        ).execute(arguments: [try HallJSON.string(catalog)])
    }

    func holidaySchedules() throws -> [HolidaySchedule] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM holiday_schedule ORDER BY year"))
            .map { try HallJSON.decoder().decode(HolidaySchedule.self, from: Data($0.utf8)) }
    }

    func save(schedule: HolidaySchedule) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO holiday_schedule (year, body) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET body = excluded.body
                """
        ).execute(arguments: [schedule.year, try HallJSON.string(schedule)])
    }

    func loadCase(id: Int64) throws -> Case? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, body FROM intake_case WHERE id = ?"), arguments: [id])
            .map(Self.decodeCase)
    }

    func loadCase(number: String) throws -> Case? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, body FROM intake_case WHERE number = ?"), arguments: [number])
            .map(Self.decodeCase)
    }

    func cases(states: Set<CaseState>) throws -> [Case] {
        let list = states.map(\.rawValue).sorted()
        guard !list.isEmpty else { return [] }
        let sql = "SELECT id, body FROM intake_case WHERE state IN (\(databaseQuestionMarks(count: list.count))) ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(list)).map(Self.decodeCase)
    }

    func nextCaseSequence(day: LocalDay) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    INSERT INTO case_counter (day, last) VALUES (?, 1)
                    ON CONFLICT(day) DO UPDATE SET last = last + 1
                    RETURNING last
                    """), arguments: [day.description])!
    }

    func insert(_ c: Case) throws -> Case {
        try db.cachedStatement(
            sql: """
                INSERT INTO intake_case (number, state, item_id, owner, opened_day, accepted_day, promised_day, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: try Self.columns(c))
        var stored = c
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ c: Case) throws {
        try db.cachedStatement(
            sql: """
                UPDATE intake_case SET number = ?, state = ?, item_id = ?, owner = ?, opened_day = ?, accepted_day = ?,
                    promised_day = ?, body = ? WHERE id = ?
                """
        ).execute(arguments: try Self.columns(c) + [c.id])
        guard db.changesCount == 1 else { throw CaseError.unknownCase(c.reference) }
    }

    func append(_ event: HallEvent) throws -> HallEvent {
        try EventLog.append(event, in: db)
    }

    private static func columns(_ c: Case) throws -> StatementArguments {
        [
            c.number, c.state.rawValue, c.item.id, c.owner, c.openedDay.description, c.acceptedDay?.description,
            c.promisedDay?.description, try HallJSON.string(c),
        ]
    }

    /// The body is the source of truth; the row id is the case's identifier.
    private static func decodeCase(_ row: Row) throws -> Case {
        var c = try HallJSON.decoder().decode(Case.self, from: Data((row[1] as String).utf8))
        c.id = row[0]
        return c
    }
}
