import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// v21-plain-rowids rebuilds `ticket` and `event` without `AUTOINCREMENT`: rows, ids, indexes,
/// triggers and the rows that refer to them come through, and new ids go on after the old ones.
@Suite("The rebuild of ticket and event without AUTOINCREMENT")
struct PlainRowidsMigrationTests {
    @Test("rows and ids are kept, the references hold, the schema objects are back, and ids go on past the old ones")
    func rebuildKeepsEverything() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let pool = try DatabasePool(path: temp.path)
        try Migrations.migrator().migrate(pool, upTo: "v20-service-days")
        try await pool.write { db in
            for n in 1...3 {
                try db.execute(
                    sql: """
                        INSERT INTO ticket (number, day, sequence, service_id, issued_service_id, priority, state, issued_at)
                        VALUES (?, '2026-12-07', ?, 'general', 'general', 'normal', ?, 0)
                        """, arguments: ["A00\(n)", n, n == 1 ? "done" : "waiting"])
                try db.execute(
                    sql: "INSERT INTO event (type, at, ticket_id, body) VALUES ('ticket.issued', 0, ?, '{}')", arguments: [n])
            }
            try db.execute(
                sql: """
                    INSERT INTO rating (ticket_id, ticket_number, day, service_id, level, channel, at)
                    VALUES (1, 'A001', '2026-12-07', 'general', 'satisfied', 'pad', 0)
                    """)
        }
        let before = try await pool.read { db in try Self.snapshot(db) }
        try Migrations.migrator().migrate(pool)
        let after = try await pool.read { db in try Self.snapshot(db) }
        #expect(after.rows == before.rows)
        #expect(after.objects == (before.objects + ["event_keep_newest", "ticket_keep_newest"]).sorted())
        try await pool.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let tables = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('ticket', 'event')")
            #expect(tables.count == 2 && tables.allSatisfy { !$0.contains("AUTOINCREMENT") })
            #expect(try Int.fetchOne(db, sql: "SELECT waiting FROM service_day WHERE service_id = 'general'") == 2)
        }
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ticket (number, day, sequence, service_id, issued_service_id, priority, state, issued_at)
                    VALUES ('A004', '2026-12-07', 4, 'general', 'general', 'normal', 'waiting', 0)
                    """)
            #expect(db.lastInsertedRowID == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT waiting FROM service_day WHERE service_id = 'general'") == 3)
        }
    }

    /// The two tables' rows and the names of the indexes and triggers on them.
    private static func snapshot(_ db: Database) throws -> (rows: [String], objects: [String]) {
        let rows =
            try Row.fetchAll(db, sql: "SELECT * FROM ticket ORDER BY id").map(\.description)
            + Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id").map(\.description)
        let objects = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ('ticket', 'event')
                ORDER BY name
                """)
        return (rows, objects)
    }
}
