import Foundation
import GRDBSQLite
import HallCore
import HallServer
import HallStore

/// A second baseline: the statements of a ticket issue in a run of issues (as `issue-profile
/// --trace` lists them: the issue memo holds, so the service's day, the open windows and the
/// recent service times are not read) on a Hall database, through the C API with statements
/// prepared once, `synchronous=FULL`, WAL. It writes the same pages as an issue (the ticket, its
/// two indexes, the service's day through the trigger, the event) but without Hall's layers above
/// SQLite (GRDB, the queue's rules, the event JSON, the group-commit writer): the distance from it
/// to the raw commit is SQLite's and the disk's, the distance from an issue to it is Hall's.
///
/// Its `floor` shape is the least any durable issue can write: a ticket row, the uniqueness of its
/// number and an event row (three pages), on Hall's `ticket` and `event` tables with every other
/// index and trigger dropped, no read, nothing else.
final class IssueSQLBaseline {
    enum Shape { case hall, floor }

    private let connection: CSQLiteConnection
    private let shape: Shape
    private let begin, commit, dataVersion, insertTicket, lastEvent, insertEvent: OpaquePointer
    private let services: [(id: String, prefix: String)]
    private let day = "2026-11-25"
    private var issued = 0

    init(path: String, shape: Shape = .hall) throws {
        let configured = HallConfiguration.demo.services
        services = configured.map { ($0.id, $0.prefix) }
        self.shape = shape
        // The schema, triggers and services as halld has them; then this connection alone writes.
        try HallDatabase(StoreConfiguration(path: path)).configure(services: configured, windows: HallConfiguration.demo.windows)
        connection = CSQLiteConnection(path: path, synchronous: "FULL")
        if shape == .floor {
            // Automatic indexes (the UNIQUE constraints) have no SQL and stay.
            let extras = connection.rows(
                "SELECT type, name FROM sqlite_master WHERE tbl_name IN ('ticket', 'event') AND type IN ('index', 'trigger') AND sql IS NOT NULL")
            connection.exec(extras.map { "DROP \($0[0]) \($0[1]);" }.joined())
        }
        begin = connection.prepare("BEGIN IMMEDIATE")
        commit = connection.prepare("COMMIT")
        dataVersion = connection.prepare("PRAGMA data_version")
        insertTicket = connection.prepare(
            """
            INSERT INTO ticket (day, number, sequence, service_id, issued_service_id, priority, state, issued_at)
            VALUES (?, ?, ?, ?, ?, 'normal', 'waiting', ?)
            """)
        lastEvent = connection.prepare("SELECT MAX(id) FROM event")
        insertEvent = connection.prepare(
            """
            INSERT INTO event (id, type, at, ticket_id, window_number, actor, body) VALUES (?, 'ticket.issued', ?, ?, NULL, NULL, ?)
            """)
    }

    /// Commits `count` issues' statements, one transaction each; returns commits per second.
    func commits(_ count: Int) -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count { issueOnce() }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    private func issueOnce() {
        let service = services[issued % services.count]
        let sequence = issued / services.count + 1  // the service's earlier issues, as the memo counts them
        issued += 1
        let now = Date().timeIntervalSince1970
        connection.step(begin)
        if shape == .hall { _ = firstInteger(dataVersion, column: 0) }
        let number = TicketNumber.format(prefix: service.prefix, sequence: sequence)
        bindText(insertTicket, 1, day)
        bindText(insertTicket, 2, number)
        sqlite3_bind_int64(insertTicket, 3, Int64(sequence))
        bindText(insertTicket, 4, service.id)
        bindText(insertTicket, 5, service.id)
        sqlite3_bind_double(insertTicket, 6, now)
        connection.step(insertTicket)
        let ticketID = connection.lastInsertedRowID
        // The floor lets SQLite choose the event's position (its rowid: the largest plus one).
        let position = shape == .hall ? Int64(firstInteger(lastEvent, column: 0) ?? 0) + 1 : ticketID
        if shape == .hall { sqlite3_bind_int64(insertEvent, 1, position) } else { sqlite3_bind_null(insertEvent, 1) }
        sqlite3_bind_double(insertEvent, 2, now)
        sqlite3_bind_int64(insertEvent, 3, ticketID)
        bindText(insertEvent, 4, Self.body(position: position, ticketID: ticketID, number: number, service: service.id, at: now))
        connection.step(insertEvent)
        connection.step(commit)
    }

    /// An event body of an issue's length and shape (Hall writes it with `HallEventJSON`).
    private static func body(position: Int64, ticketID: Int64, number: String, service: String, at: Double) -> String {
        """
        {"id":\(position),"type":"ticket.issued","at":\(at),"ticket":{"id":\(ticketID),"number":"\(number)","day":"2026-11-25",\
        "sequence":1,"serviceID":"\(service)","issuedServiceID":"\(service)","priority":"normal","state":"waiting",\
        "issuedAt":\(at),"recalls":0,"transfers":0,"servedSecondsBeforeHold":0},"data":{"peopleAhead":"0","estimatedWaitMinutes":"0"}}
        """
    }

    /// `column` of the first row, nil without a row or for NULL; then resets.
    private func firstInteger(_ statement: OpaquePointer, column: Int32) -> Int? {
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        return Int(sqlite3_column_int64(statement, column))
    }
}
