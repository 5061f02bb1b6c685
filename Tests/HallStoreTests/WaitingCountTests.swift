import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// The waiting counts kept by triggers (`waiting_count`) always equal a count of the waiting
/// tickets, whatever the queue does to them.
@Suite("Waiting counts kept by triggers")
struct WaitingCountTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// (day, service) → (waiting, priority), from the triggers' table and from the tickets.
    static func counts(_ database: HallDatabase) throws -> (kept: [String: [Int]], counted: [String: [Int]]) {
        try database.pool.read { db in
            let kept = try Row.fetchAll(db, sql: "SELECT day, service_id, waiting, priority FROM waiting_count WHERE waiting > 0")
            let counted = try Row.fetchAll(
                db,
                sql: """
                    SELECT day, service_id, COUNT(*), SUM(priority != 'normal') FROM ticket
                    WHERE state = 'waiting' GROUP BY day, service_id
                    """)
            let map = { (rows: [Row]) in
                Dictionary(uniqueKeysWithValues: rows.map { ("\($0[0] as String)/\($0[1] as String)", [$0[2] as Int, $0[3] as Int]) })
            }
            return (map(kept), map(counted))
        }
    }

    @Test("a seeded random run of issues, calls, no-shows, transfers, finishes, departures and a purge keeps them equal")
    func randomRun() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let clock = ManualClock(LocalDay("2026-12-07")!.instant(minutesAfterMidnight: 9 * 60, in: Self.zone))
        let queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: NullSink())
        var random = SeededGenerator(seed: 17)
        var issued: [String] = []
        var checks = 0
        for step in 0..<400 {
            clock.advance(20)
            let windows = TemporaryDatabase.windows.map(\.number)
            let window = windows[Int(random.next() % UInt64(windows.count))]
            do {
                switch random.next() % 8 {
                case 0, 1, 2:
                    let service = TemporaryDatabase.services[Int(random.next() % 2)].id
                    let priority: TicketPriority = random.next() % 4 == 0 ? .greenChannel : .normal
                    issued.append(try await queue.issue(serviceKey: service, priority: priority).ticket.number)
                case 3: _ = try await queue.callNext(window: window)
                case 4: _ = try await queue.skip(window: window)
                case 5: _ = try await queue.transfer(window: window, toService: random.next() % 2 == 0 ? "general" : "social", toWindow: nil)
                case 6:
                    _ = try await queue.start(window: window)
                    _ = try await queue.finish(window: window)
                default:
                    if !issued.isEmpty { _ = try await queue.leave(ticketNumber: issued[Int(random.next() % UInt64(issued.count))]) }
                }
            } catch is QueueError {
                // A refused step (nobody waiting, the window idle, the ticket no longer waiting) changes nothing.
            }
            if step % 25 == 0 {
                let (kept, counted) = try Self.counts(database)
                #expect(kept == counted, "step \(step)")
                checks += 1
            }
            if step == 300 {
                // The next day: yesterday's tickets stay, and a purge of old tickets takes their counts along.
                clock.advance(86_400)
                try await database.pool.write { db in try db.execute(sql: "DELETE FROM ticket WHERE day = '2026-12-07'") }
            }
        }
        let (kept, counted) = try Self.counts(database)
        #expect(kept == counted)
        #expect(!counted.isEmpty, "the run ends with people waiting")
        #expect(checks == 16)
    }

    @Test("the migration fills the counts from tickets already waiting")
    func migrationFills() throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try database.pool.write { db in
            for (n, service) in ["general", "general", "social"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO ticket (number, day, sequence, service_id, issued_service_id, priority, state, issued_at)
                        VALUES (?, '2026-12-07', ?, ?, ?, ?, 'waiting', 0)
                        """, arguments: ["X\(n)", n + 1, service, service, n == 1 ? "appointment" : "normal"])
            }
            // As before v17: no table, no triggers; then the migration runs again.
            try db.execute(sql: "DROP TABLE waiting_count")
            for trigger in ["insert", "enter", "leave", "delete"] { try db.execute(sql: "DROP TRIGGER ticket_waiting_\(trigger)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v17-waiting-counts'")
        }
        try Migrations.migrator().migrate(database.pool)
        let (kept, counted) = try Self.counts(database)
        #expect(kept == ["2026-12-07/general": [2, 1], "2026-12-07/social": [1, 0]])
        #expect(kept == counted)
    }
}
