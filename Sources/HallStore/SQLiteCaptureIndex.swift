import Foundation
import GRDB
import HallCore

/// The capture index on SQLite: one `capture` row per stored page. Writes go through the
/// database's group-commit writer, so `add` returns only once its rows are committed.
public final class SQLiteCaptureIndex: CaptureIndex {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func records(caseID: String) async throws -> [CaptureRecord] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM capture WHERE case_id = ? ORDER BY material_id, page_number",
                arguments: [caseID]
            ).map(Self.record)
        }
    }

    /// Registers the pages; throws `StorageFailure.full` when the disk is full (as `remove`).
    public func add(_ records: [CaptureRecord]) async throws -> [CaptureRecord] {
        try await write { db in
            var stored: [CaptureRecord] = []
            for var record in records {
                let last =
                    try Int.fetchOne(
                        db, sql: "SELECT MAX(page_number) FROM capture WHERE case_id = ? AND material_id = ?",
                        arguments: [record.caseID, record.materialID]) ?? 0
                record.pageNumber = last + 1
                try db.execute(
                    sql: """
                        INSERT INTO capture (id, case_id, material_id, page_number, sha256, size, mime, width, height, profile_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        record.id.uuidString, record.caseID, record.materialID, record.pageNumber, record.sha256,
                        record.size, record.mime, record.width, record.height, record.profileID,
                        record.createdAt.timeIntervalSince1970,
                    ])
                stored.append(record)
            }
            return stored
        }
    }

    public func remove(id: UUID, caseID: String) async throws -> CaptureRecord? {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM capture WHERE id = ? AND case_id = ?",
                    arguments: [id.uuidString, caseID])
            else { return nil }
            let removed = Self.record(row)
            try db.execute(sql: "DELETE FROM capture WHERE id = ?", arguments: [id.uuidString])
            // Two steps, so that no intermediate state breaks UNIQUE(case, material, page).
            let later = "case_id = ? AND material_id = ? AND page_number > ?"
            try db.execute(
                sql: "UPDATE capture SET page_number = -(page_number - 1) WHERE \(later)",
                arguments: [caseID, removed.materialID, removed.pageNumber])
            try db.execute(
                sql: "UPDATE capture SET page_number = -page_number WHERE case_id = ? AND material_id = ? AND page_number < 0",
                arguments: [caseID, removed.materialID])
            return removed
        }
    }

    public func references(sha256: String) async throws -> Int {
        try await database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM capture WHERE sha256 = ?", arguments: [sha256]) ?? 0
        }
    }

    /// A write through the group-commit writer, a full disk's error as `StorageFailure.full`, which
    /// the capture store recognises without knowing SQLite.
    private func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.writer.write(work)
        } catch {
            throw StorageFailure(error) ?? error
        }
    }

    private static func record(_ row: Row) -> CaptureRecord {
        CaptureRecord(
            id: UUID(uuidString: row["id"]) ?? UUID(), caseID: row["case_id"], materialID: row["material_id"],
            pageNumber: row["page_number"], sha256: row["sha256"], size: row["size"], mime: row["mime"],
            width: row["width"], height: row["height"], profileID: row["profile_id"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
