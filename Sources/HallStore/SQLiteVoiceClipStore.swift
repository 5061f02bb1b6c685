import Foundation
import GRDB
import HallCore

/// Voice packs' clips on the hall's SQLite database (`voice_clip`).
public final class SQLiteVoiceClipStore: VoiceClipStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func allClips() throws -> [StoredVoiceClip] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT language, name, wav, recorded_by, recorded_at FROM voice_clip ORDER BY language, name")
                .compactMap { row in
                    // A language this build no longer knows is skipped, not fatal.
                    guard let language = ResidentLanguage(rawValue: row[0]) else { return nil }
                    let wav: Data = row[2]
                    let at: Double = row[4]
                    return StoredVoiceClip(
                        language: language, name: row[1], wav: [UInt8](wav), recordedBy: row[3],
                        recordedAt: Date(timeIntervalSince1970: at))
                }
        }
    }

    public func save(_ clip: StoredVoiceClip) async throws {
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO voice_clip (language, name, wav, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(language, name) DO UPDATE SET wav = excluded.wav, recorded_by = excluded.recorded_by,
                        recorded_at = excluded.recorded_at
                    """,
                arguments: [clip.language.rawValue, clip.name, Data(clip.wav), clip.recordedBy, clip.recordedAt.timeIntervalSince1970])
        }
    }

    public func remove(language: ResidentLanguage, name: String) async throws -> Bool {
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM voice_clip WHERE language = ? AND name = ?", arguments: [language.rawValue, name])
            return db.changesCount > 0
        }
    }
}
