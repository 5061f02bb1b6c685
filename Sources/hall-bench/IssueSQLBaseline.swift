import Foundation
import GRDBSQLite
import HallCore
import HallServer
import HallStore

/// A second baseline: the statements of a ticket issue (as `issue-profile --trace` lists them) on
/// a Hall database, through the C API with statements prepared once, `synchronous=FULL`, WAL. It
/// writes the same pages as an issue (the ticket, its two indexes, the service's day through the
/// trigger, the event) but without Hall's layers above SQLite (GRDB, the queue's rules, the event
/// JSON, the group-commit writer): the distance from it to the raw commit is SQLite's and the
/// disk's, the distance from an issue to it is Hall's.
final class IssueSQLBaseline {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private let services: [(id: String, prefix: String)]
    private let day = "2026-11-25"
    private var issued = 0

    init(path: String) throws {
        let configured = HallConfiguration.demo.services
        services = configured.map { ($0.id, $0.prefix) }
        // The schema, triggers and services as halld has them; then this connection alone writes.
        try HallDatabase(StoreConfiguration(path: path)).configure(services: configured, windows: HallConfiguration.demo.windows)
        guard sqlite3_open(path, &db) == SQLITE_OK else { fatalError("cannot open \(path)") }
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
        for sql in Self.sql { statements[sql] = prepare(sql) }
    }

    deinit {
        statements.values.forEach { sqlite3_finalize($0) }
        sqlite3_close(db)
    }

    private static let begin = "BEGIN IMMEDIATE"
    private static let commit = "COMMIT"
    private static let serviceDay = "SELECT waiting, priority, last_sequence FROM service_day WHERE day = ? AND service_id = ?"
    private static let openWindows = "SELECT service_ids FROM service_window WHERE paused = 0"
    private static let recentSeconds = """
        SELECT served_before_hold + closed_at - serving_at FROM ticket
        WHERE service_id = ? AND state = 'done' AND serving_at IS NOT NULL ORDER BY closed_at DESC LIMIT 20
        """
    private static let insertTicket = """
        INSERT INTO ticket (day, number, sequence, service_id, issued_service_id, priority, state, issued_at)
        VALUES (?, ?, ?, ?, ?, 'normal', 'waiting', ?)
        """
    private static let lastEvent = "SELECT MAX(id) FROM event"
    private static let insertEvent = """
        INSERT INTO event (id, type, at, ticket_id, window_number, actor, body) VALUES (?, 'ticket.issued', ?, ?, NULL, NULL, ?)
        """
    private static let sql = [begin, commit, serviceDay, openWindows, recentSeconds, insertTicket, lastEvent, insertEvent]

    /// Commits `count` issues' statements, one transaction each; returns commits per second.
    func commits(_ count: Int) -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count { issueOnce() }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    private func issueOnce() {
        let service = services[issued % services.count]
        issued += 1
        let now = Date().timeIntervalSince1970
        run(Self.begin)
        let last = firstInteger(Self.serviceDay, column: 2, texts: [day, service.id]) ?? 0
        rows(Self.openWindows, texts: [])
        rows(Self.recentSeconds, texts: [service.id])
        let number = TicketNumber.format(prefix: service.prefix, sequence: last + 1)
        let insert = statement(Self.insertTicket)
        bind(insert, texts: [day, number])
        sqlite3_bind_int64(insert, 3, Int64(last + 1))
        bind(insert, texts: [service.id, service.id], from: 4)
        sqlite3_bind_double(insert, 6, now)
        step(insert)
        let ticketID = sqlite3_last_insert_rowid(db)
        let position = Int64(firstInteger(Self.lastEvent, column: 0, texts: []) ?? 0) + 1
        let event = statement(Self.insertEvent)
        sqlite3_bind_int64(event, 1, position)
        sqlite3_bind_double(event, 2, now)
        sqlite3_bind_int64(event, 3, ticketID)
        bind(event, texts: [Self.body(position: position, ticketID: ticketID, number: number, service: service.id, at: now)], from: 4)
        step(event)
        run(Self.commit)
    }

    /// An event body of an issue's length and shape (Hall writes it with `HallEventJSON`).
    private static func body(position: Int64, ticketID: Int64, number: String, service: String, at: Double) -> String {
        """
        {"id":\(position),"type":"ticket.issued","at":\(at),"ticket":{"id":\(ticketID),"number":"\(number)","day":"2026-11-25",\
        "sequence":1,"serviceID":"\(service)","issuedServiceID":"\(service)","priority":"normal","state":"waiting",\
        "issuedAt":\(at),"recalls":0,"transfers":0,"servedSecondsBeforeHold":0},"data":{"peopleAhead":"0","estimatedWaitMinutes":"0"}}
        """
    }

    private func statement(_ sql: String) -> OpaquePointer? { statements[sql] }

    private func bind(_ statement: OpaquePointer?, texts: [String], from first: Int32 = 1) {
        for (offset, text) in texts.enumerated() {
            sqlite3_bind_text(statement, first + Int32(offset), text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    private func run(_ sql: String) { step(statement(sql)) }

    private func step(_ statement: OpaquePointer?) {
        guard sqlite3_step(statement) == SQLITE_DONE else { fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))") }
        sqlite3_reset(statement)
    }

    /// Steps through every row (reading its first column, as the issue does).
    private func rows(_ sql: String, texts: [String]) {
        let statement = statement(sql)
        bind(statement, texts: texts)
        while sqlite3_step(statement) == SQLITE_ROW { _ = sqlite3_column_text(statement, 0) }
        sqlite3_reset(statement)
    }

    private func firstInteger(_ sql: String, column: Int32, texts: [String]) -> Int? {
        let statement = statement(sql)
        bind(statement, texts: texts)
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        return Int(sqlite3_column_int64(statement, column))
    }

    private func prepare(_ sql: String) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }

    private func exec(_ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))") }
    }
}
