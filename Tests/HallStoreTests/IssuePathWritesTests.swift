import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// What a ticket issue writes: each row once, in as few pages as the queries allow.
@Suite("The issue path's writes")
struct IssuePathWritesTests {
    private func hall() throws -> (TemporaryDatabase, HallDatabase, QueueService) {
        let temp = try TemporaryDatabase()
        let database = try temp.open()
        let (queue, _) = TemporaryDatabase.morningQueue(database)
        return (temp, database, queue)
    }

    @Test("an event is written once; its body holds its own position, and positions are never reused")
    func eventsWrittenOnce() async throws {
        let (temp, database, queue) = try hall()
        defer { temp.remove() }
        let services = TemporaryDatabase.services.map(\.id)
        for n in 0..<5 { _ = try await queue.issue(serviceKey: services[n % services.count]) }
        // A purge of every event keeps the newest, so that its position is never handed out again.
        let newest = try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM event")
            return try Int64.fetchAll(db, sql: "SELECT id FROM event")
        }
        #expect(newest == [5])
        _ = try await queue.issue(serviceKey: services[0])
        let rows = try database.pool.read { db in try Row.fetchAll(db, sql: "SELECT id, body FROM event ORDER BY id") }
        #expect(rows.map { $0["id"] as Int64 } == [5, 6])
        for row in rows {
            let event = try HallJSON.decoder().decode(HallEvent.self, from: Data((row["body"] as String).utf8))
            #expect(event.id == row["id"] as Int64)
        }
    }

    @Test("each queue query uses its index; the finished-ticket ones are partial, which a waiting ticket does not touch")
    func indexesServeTheQueries() async throws {
        let (temp, database, queue) = try hall()
        defer { temp.remove() }
        let issued = try await queue.issue(serviceKey: TemporaryDatabase.services[0].id).ticket
        let statements = StatementLog()
        let service = TemporaryDatabase.services[0].id
        try await database.pool.write { db in
            let queries = SQLiteQueueTransaction(db: db)
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.add(statement.expandedSQL) }
            }
            _ = try queries.recentServiceSeconds(serviceID: service, limit: 20)
            _ = try SQLiteRatingTransaction(db: db).lastFinishedTicket(window: 1)
            _ = try queries.serviceDay(issued.day, serviceID: service)
            _ = try queries.countAhead(of: issued)
            _ = try queries.ticketCounts(day: issued.day)
            _ = try queries.waitingCounts(day: issued.day)
            _ = try queries.tickets(day: issued.day, states: [.waiting, .called])
            _ = try SQLiteRatingTransaction(db: db).finishedBy(ticketID: issued.id)
            _ = try SQLiteExtendedTransaction(db: db).events(from: issued.issuedAt, through: issued.issuedAt)
            db.trace(options: .statement, nil)
        }
        let plans = try await database.pool.read { db in
            try statements.all.map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        let kept = "service_day USING PRIMARY KEY"  // the counts the triggers keep
        let expected = [
            "ticket_service_done", "ticket_window_done", kept, "ticket_day_state_service", "ticket_day_state_service", kept,
            "ticket_day_state_service", "event_ticket_finished", "event_at_but_issues",
        ]
        #expect(plans.count == expected.count)
        for (plan, index) in zip(plans, expected) { #expect(plan.contains(index), "\(plan)") }
        let entries = try await database.pool.read { db in
            try ["ticket_service_done", "ticket_window_done"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket INDEXED BY \($0) WHERE state = 'done'") ?? -1
            }
        }
        #expect(entries == [0, 0])
        // The event indexes' conditions name the event types as the core spells them.
        #expect(EventLog.notIssued.contains("'\(EventType.ticketIssued.rawValue)'"))
        #expect(EventLog.finished.contains("'\(EventType.ticketFinished.rawValue)'"))
    }

    @Test(
        """
        an issue commits at most 5.5 pages on average (the ticket, its 2 indexes, the service's day, the event; neither event \
        index nor sqlite_sequence)
        """)
    func pagesPerIssue() async throws {
        let (temp, database, queue) = try hall()
        defer { temp.remove() }
        let services = TemporaryDatabase.services.map(\.id)
        _ = try await queue.issue(serviceKey: services[0])
        try await database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let wal = temp.path + "-wal"
        let before = try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int ?? 0
        let issues = 60
        for n in 0..<issues { _ = try await queue.issue(serviceKey: services[n % services.count]) }
        let after = try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int ?? 0
        let pageSize = try await database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
        let frames = Double(after - before) / Double(pageSize + 24)
        #expect(frames / Double(issues) <= 5.5, "\(frames / Double(issues)) pages per issue")
    }
}

/// Statements seen by a trace, in order.
private final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []
    func add(_ sql: String) { lock.withLock { statements.append(sql) } }
    var all: [String] { lock.withLock { statements } }
}
