import Foundation
import GRDB
import HallCore

/// The notices of cases (`case_notice`): which PDF belongs to which case, and its print outcome.
public final class SQLiteNoticeStore: Sendable {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    /// Records the next notice of `kind` for a case. `writeFile` receives the notice's sequence
    /// number, writes the PDF and returns its path; it runs inside the transaction, so when it
    /// throws nothing is recorded.
    public func add(
        caseID: Int64, kind: NoticeKind, at date: Date, initialStatus: NoticePrintStatus,
        writeFile: @escaping @Sendable (Int) throws -> String
    ) async throws -> NoticeRecord {
        try await database.writer.write { db in
            let sequence = try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM case_notice WHERE case_id = ? AND kind = ?",
                arguments: [caseID, kind.rawValue])!
            let path = try writeFile(sequence)
            try db.execute(
                sql: """
                    INSERT INTO case_notice (case_id, kind, sequence, path, created_at, print_status) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [caseID, kind.rawValue, sequence, path, date.timeIntervalSince1970, initialStatus.rawValue])
            return NoticeRecord(
                id: db.lastInsertedRowID, caseID: caseID, kind: kind, sequence: sequence, path: path,
                createdAt: date, printStatus: initialStatus)
        }
    }

    /// Records the outcome of a print attempt and returns the updated notice.
    public func recordPrint(
        noticeID: Int64, status: NoticePrintStatus, jobID: Int?, error: String?,
        at date: Date
    ) async throws -> NoticeRecord? {
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE case_notice SET print_status = ?, cups_job_id = ?, print_error = ?,
                        printed_at = CASE WHEN ? = 'printed' THEN ? ELSE printed_at END
                    WHERE id = ?
                    """, arguments: [status.rawValue, jobID, error, status.rawValue, date.timeIntervalSince1970, noticeID])
            return try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM case_notice WHERE id = ?", arguments: [noticeID])
                .map(Self.record)
        }
    }

    /// The newest notice of `kind` for a case.
    public func latest(caseID: Int64, kind: NoticeKind) async throws -> NoticeRecord? {
        try await database.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.columns) FROM case_notice WHERE case_id = ? AND kind = ? ORDER BY sequence DESC LIMIT 1",
                arguments: [caseID, kind.rawValue]
            ).map(Self.record)
        }
    }

    /// Every notice of a case, oldest first.
    public func notices(caseID: Int64) async throws -> [NoticeRecord] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.columns) FROM case_notice WHERE case_id = ? ORDER BY id",
                arguments: [caseID]
            ).map(Self.record)
        }
    }

    private static let columns = "id, case_id, kind, sequence, path, created_at, print_status, cups_job_id, print_error, printed_at"

    private static func record(_ row: Row) -> NoticeRecord {
        NoticeRecord(
            id: row[0], caseID: row[1], kind: NoticeKind(rawValue: row[2]) ?? .acceptance, sequence: row[3],
            path: row[4], createdAt: Date(timeIntervalSince1970: row[5]),
            printStatus: NoticePrintStatus(rawValue: row[6]) ?? .pending, cupsJobID: row[7], printError: row[8],
            printedAt: (row[9] as Double?).map { Date(timeIntervalSince1970: $0) })
    }
}
