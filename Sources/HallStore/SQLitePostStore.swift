import Foundation
import GRDB
import HallCore

/// AB posts on the hall's SQLite database (`window_post`). Writes share the group-commit writer.
public final class SQLitePostStore: PostStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any PostTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLitePostTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any PostTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLitePostTransaction(db: db)) }
    }
}

/// `PostTransaction` over one GRDB connection inside a transaction.
struct SQLitePostTransaction: PostTransaction {
    let db: Database
    private static let columns = "window_number, a_username, b_username, a_away, away_since, away_reason, updated_at, updated_by"

    func windows() throws -> [ServiceWindow] { try SQLiteQueueTransaction(db: db).allWindows() }

    func posts() throws -> [WindowPost] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.columns) FROM window_post ORDER BY window_number")).map(Self.post)
    }

    func post(window: Int) throws -> WindowPost? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.columns) FROM window_post WHERE window_number = ?"),
            arguments: [window]
        ).map(Self.post)
    }

    func save(_ p: WindowPost) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO window_post (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(window_number) DO UPDATE SET a_username = excluded.a_username, b_username = excluded.b_username,
                    a_away = excluded.a_away, away_since = excluded.away_since, away_reason = excluded.away_reason,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """
        ).execute(arguments: [
            p.window, p.a, p.b, p.aAway, p.awaySince?.timeIntervalSince1970, p.awayReason,
            p.updatedAt?.timeIntervalSince1970, p.updatedBy,
        ])
    }

    func staffNames() throws -> [String: String] {
        Dictionary(
            try Row.fetchAll(db.cachedStatement(sql: "SELECT username, display_name FROM account")).map { ($0[0], $0[1]) },
            uniquingKeysWith: { a, _ in a })
    }

    func append(_ event: HallEvent) throws -> HallEvent { try EventLog.append(event, in: db) }

    private static func post(_ row: Row) -> WindowPost {
        var p = WindowPost(window: row[0], a: row[1], b: row[2])
        p.aAway = row[3]
        p.awaySince = (row[4] as Double?).map { Date(timeIntervalSince1970: $0) }
        p.awayReason = row[5]
        p.updatedAt = (row[6] as Double?).map { Date(timeIntervalSince1970: $0) }
        p.updatedBy = row[7]
        return p
    }
}
