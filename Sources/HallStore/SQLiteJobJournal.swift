import Foundation
import GRDB

/// Durable device jobs that must survive a restart (a ticket whose print failed, a screen
/// update not yet delivered): opaque JSON bodies by id and kind.
public final class SQLiteJobJournal: Sendable {
    private let database: HallDatabase
    private let kind: String

    /// A journal for one kind of job, e.g. `ticket-print`.
    public init(_ database: HallDatabase, kind: String) {
        self.database = database
        self.kind = kind
    }

    /// Stores or replaces a job; durable when it returns.
    public func save(id: String, body: Data) async throws {
        let kind = kind
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO device_job (id, kind, body, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET body = excluded.body
                    """, arguments: [id, kind, String(decoding: body, as: UTF8.self), Date().timeIntervalSince1970])
        }
    }

    /// Forgets a finished job.
    public func remove(id: String) async throws {
        try await database.writer.write { db in try db.execute(sql: "DELETE FROM device_job WHERE id = ?", arguments: [id]) }
    }

    /// Pending jobs of this kind, oldest first.
    public func all() async throws -> [Data] {
        let kind = kind
        return try await database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM device_job WHERE kind = ? ORDER BY created_at, id", arguments: [kind])
                .map { Data($0.utf8) }
        }
    }
}
