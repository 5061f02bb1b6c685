import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// A service's day kept by triggers (`service_day`): its waiting counts always equal a count of
/// the waiting tickets, whatever the queue does to them, and its last sequence keeps numbers unique.
@Suite("Service days kept by triggers")
struct ServiceDayTests {
    /// (day, service) → (waiting, priority), from the triggers' table and from the tickets.
    static func counts(_ database: HallDatabase) throws -> (kept: [String: [Int]], counted: [String: [Int]]) {
        try database.pool.read { db in
            let kept = try Row.fetchAll(db, sql: "SELECT day, service_id, waiting, priority FROM service_day WHERE waiting > 0")
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
        let (queue, clock) = TemporaryDatabase.morningQueue(database)
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

    @Test("the migrations fill the counts from tickets already waiting and the last sequences from the old counters")
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
            // As before v17: no table, no triggers, the counters of v1; then the migrations run again.
            try db.execute(
                sql: """
                    DROP TABLE service_day;
                    DROP TRIGGER ticket_service_day_insert;
                    DROP TRIGGER ticket_service_day_enter;
                    DROP TRIGGER ticket_service_day_leave;
                    DROP TRIGGER ticket_service_day_delete;
                    CREATE TABLE ticket_counter (day TEXT NOT NULL, prefix TEXT NOT NULL, last INTEGER NOT NULL,
                        PRIMARY KEY (day, prefix)) WITHOUT ROWID;
                    INSERT INTO ticket_counter VALUES ('2026-12-07', 'A', 7), ('2026-12-06', 'B', 4);
                    DELETE FROM grdb_migrations WHERE identifier IN ('v17-waiting-counts', 'v20-service-days');
                    """)
        }
        try Migrations.migrator().migrate(database.pool)
        let (kept, counted) = try Self.counts(database)
        #expect(kept == ["2026-12-07/general": [2, 1], "2026-12-07/social": [1, 0]])
        #expect(kept == counted)
        let last = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT day, service_id, last_sequence FROM service_day WHERE last_sequence > 0 ORDER BY day")
                .map { "\($0[0] as String)/\($0[1] as String)=\($0[2] as Int)" }
        }
        #expect(last == ["2026-12-06/social=4", "2026-12-07/general=7"])
    }

    @Test("a prefix moved to another service during the day goes on past that day's numbers")
    func prefixMovedDuringTheDay() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, clock) = TemporaryDatabase.morningQueue(database)
        _ = try await queue.issue(serviceKey: "general")
        for _ in 0..<3 { _ = try await queue.issue(serviceKey: "social") }
        // The two services trade prefixes: general's own last is 1, but B is at 3 today; social's is 3, A at 1.
        let traded = [Service(id: "general", name: "综合窗口", prefix: "B"), Service(id: "social", name: "社保医保", prefix: "A")]
        try database.configure(services: traded, windows: TemporaryDatabase.windows)
        #expect(try await queue.issue(serviceKey: "general").ticket.number == "B004")
        #expect(try await queue.issue(serviceKey: "social").ticket.number == "A004")
        // Back again the next morning: a new day numbers from 1.
        clock.advance(86_400)
        try database.configure(services: TemporaryDatabase.services, windows: TemporaryDatabase.windows)
        #expect(try await queue.issue(serviceKey: "general").ticket.number == "A001")
    }
}
