import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// A full disk, recognised whatever reports it (SQLite, a system call, Foundation), and the store
/// refusing writes past SQLite's `max_page_count` then taking them again once the limit is raised.
@Suite("A full disk")
struct StorageFailureTests {
    @Test func sqliteFullIsAFullDisk() {
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_FULL)) == .full)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_IOERR)) == nil)
    }

    @Test func noSpaceFromTheSystemIsAFullDisk() {
        #expect(StorageFailure(POSIXError(.ENOSPC)) == .full)
        #expect(StorageFailure(POSIXError(.EDQUOT)) == .full)
        #expect(StorageFailure(POSIXError(.EACCES)) == nil)
        #expect(StorageFailure(CocoaError(.fileWriteOutOfSpace)) == .full)
        #expect(StorageFailure(CocoaError(.fileWriteNoPermission)) == nil)
        let wrapped = NSError(domain: "Outer", code: 1, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(StorageFailure(wrapped) == .full)
        #expect(StorageFailure(StorageFailure.full) == .full)
    }

    @Test func foundationWritingToDevFullIsAFullDisk() throws {
        // /dev/full answers every write with ENOSPC: a real full disk, without privileges.
        let error = #expect(throws: (any Error).self) { try Data("x".utf8).write(to: URL(fileURLWithPath: "/dev/full")) }
        #expect(StorageFailure(try #require(error)) == .full, "\(String(describing: error))")
    }

    @Test func theMessageTellsTheClerkWhatHappened() {
        #expect(StorageFailure.full.code == "storage_full" && StorageFailure.full.kind == .unavailable)
        #expect(StorageFailure.full.message.contains("存储空间已满") && StorageFailure.full.message.contains("未保存"))
    }

    @Test("past max_page_count writes fail as a full disk, keep what was committed, and work again once there is room")
    func maxPageCount() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let database = try temporary.open()
        let index = SQLiteCaptureIndex(database)
        func page(_ number: Int) -> CaptureRecord {
            CaptureRecord(
                caseID: "1", materialID: "m\(number)", pageNumber: 0, sha256: String(repeating: "a", count: 64),
                size: 1, mime: "image/png", width: 1, height: 1, profileID: String(repeating: "p", count: 2000),
                createdAt: Date())
        }
        let original = try await database.pool.read { try Int.fetchOne($0, sql: "PRAGMA max_page_count") ?? 0 }
        let pages = try await database.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try await database.pool.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }

        var stored = 0
        var refusal: (any Error)?
        while refusal == nil, stored < 1000 {
            do {
                _ = try await index.add([page(stored)])
                stored += 1
            } catch {
                refusal = error
            }
        }
        #expect(stored > 0)
        #expect(refusal as? StorageFailure == .full, "\(String(describing: refusal))")
        #expect(try await index.records(caseID: "1").count == stored, "reads still work and hold every committed row")

        try await database.pool.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(original)") }
        _ = try await index.add([page(stored)])
        #expect(try await index.records(caseID: "1").count == stored + 1)
    }
}
