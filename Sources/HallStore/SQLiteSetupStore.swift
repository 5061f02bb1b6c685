import Foundation
import GRDB
import HallCore

/// The first-run setup record on the hall's SQLite database.
public final class SQLiteSetupStore: SetupStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func setupRecord() async throws -> SetupRecord? {
        try await database.pool.read { db in try Self.record(db) }
    }

    /// The setup record, read synchronously (at start, before the server runs).
    public func setupRecordNow() throws -> SetupRecord? {
        try database.pool.read { db in try Self.record(db) }
    }

    private static func record(_ db: Database) throws -> SetupRecord? {
        guard let body = try String.fetchOne(db, sql: "SELECT body FROM hall_setup WHERE id = 1") else { return nil }
        return try HallJSON.decoder().decode(SetupRecord.self, from: Data(body.utf8))
    }

    public func complete(_ record: SetupRecord, admin: StaffAccount, passwordHash: String) async throws {
        let body = try HallJSON.string(record)
        try await database.pool.write { db in
            let done = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM hall_setup) + (SELECT COUNT(*) FROM account)") ?? 0
            guard done == 0 else { throw SetupError.alreadyDone }
            try db.execute(
                sql: "INSERT INTO hall_setup (id, body, completed_at) VALUES (1, ?, ?)",
                arguments: [body, record.completedAt.timeIntervalSince1970])
            let at = record.completedAt.timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO account (username, display_name, roles, department_id, active, password_hash, created_at, password_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    admin.username, admin.displayName, SQLiteAccountStore.joinRoles(admin.roles), admin.departmentID,
                    admin.isActive, passwordHash, at, at,
                ])
        }
    }
}
