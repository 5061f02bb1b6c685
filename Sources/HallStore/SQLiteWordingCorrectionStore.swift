import Foundation
import GRDB
import HallCore

/// The head's corrections of residents' wording on the hall's SQLite database (`wording_correction`).
public final class SQLiteWordingCorrectionStore: WordingCorrectionStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    /// The stored corrections, read synchronously (at start, before anything is served).
    public func corrections() throws -> [WordingCorrection] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT language, key, text, reviewed, corrected_by, corrected_at FROM wording_correction")
                .compactMap { row in
                    // A language this build no longer knows is skipped, not fatal.
                    guard let language = ResidentLanguage(rawValue: row[0]) else { return nil }
                    let at: Double = row[5]
                    return WordingCorrection(
                        language: language, key: row[1], text: row[2], reviewed: row[3], correctedBy: row[4],
                        correctedAt: Date(timeIntervalSince1970: at))
                }
        }
    }

    public func save(_ correction: WordingCorrection, event: HallEvent) async throws -> HallEvent {
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO wording_correction (language, key, text, reviewed, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(language, key) DO UPDATE SET text = excluded.text, reviewed = excluded.reviewed,
                        corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at
                    """,
                arguments: [
                    correction.language.rawValue, correction.key, correction.text, correction.reviewed, correction.correctedBy,
                    correction.correctedAt.timeIntervalSince1970,
                ])
            return try EventLog.append(event, in: db)
        }
    }

    public func remove(language: ResidentLanguage, key: String, event: HallEvent) async throws -> HallEvent? {
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM wording_correction WHERE language = ? AND key = ?", arguments: [language.rawValue, key])
            return db.changesCount > 0 ? try EventLog.append(event, in: db) : nil
        }
    }
}
