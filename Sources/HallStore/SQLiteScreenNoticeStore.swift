import Foundation
import GRDB
import HallCore

/// The hall screen's notice on the hall's SQLite database (`screen_notice`, one row).
public final class SQLiteScreenNoticeStore: ScreenNoticeStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func notice() async throws -> ScreenNotice {
        try await database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT text, updated_at FROM screen_notice WHERE id = 1") else {
                return ScreenNotice(text: "")
            }
            let at: Double = row[1]
            return ScreenNotice(text: row[0], updatedAt: Date(timeIntervalSince1970: at))
        }
    }

    public func save(_ notice: ScreenNotice, by actor: String, event: HallEvent) async throws -> HallEvent {
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO screen_notice (id, text, updated_by, updated_at) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                    """,
                arguments: [notice.text, actor, (notice.updatedAt ?? event.at).timeIntervalSince1970])
            return try EventLog.append(event, in: db)
        }
    }
}
