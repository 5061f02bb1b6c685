import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// The capture index on a real SQLite file: page numbering inside the transaction, renumbering on
/// delete, references by hash, durability across reopening.
@Suite("SQLite capture index")
struct SQLiteCaptureIndexTests {
    private func record(_ caseID: String, _ material: String, _ hash: String) -> CaptureRecord {
        CaptureRecord(
            caseID: caseID, materialID: material, pageNumber: 0, sha256: hash, size: 100, mime: "image/png",
            width: 10, height: 20, profileID: "sane-test", createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    private func withDatabase(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-capture-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder.appendingPathComponent("hall.sqlite").path)
    }

    @Test func numbersPagesPerMaterialAndRenumbersOnDelete() async throws {
        try await withDatabase { path in
            let index = SQLiteCaptureIndex(try HallDatabase(StoreConfiguration(path: path)))
            let first = try await index.add([record("7", "form", "aa"), record("7", "form", "bb"), record("7", "form", "cc")])
            #expect(first.map(\.pageNumber) == [1, 2, 3])
            let other = try await index.add([record("7", "id-card", "aa"), record("8", "form", "dd")])
            #expect(other.map(\.pageNumber) == [1, 1])
            #expect(try await index.references(sha256: "aa") == 2)

            let removed = try #require(try await index.remove(id: first[0].id, caseID: "7"))
            #expect(removed.sha256 == "aa" && removed.pageNumber == 1)
            let form = try await index.records(caseID: "7").filter { $0.materialID == "form" }
            #expect(form.map(\.sha256) == ["bb", "cc"] && form.map(\.pageNumber) == [1, 2])
            #expect(try await index.references(sha256: "aa") == 1)
            // Another case's id, or a page already gone: nothing.
            #expect(try await index.remove(id: other[1].id, caseID: "7") == nil)
            #expect(try await index.remove(id: first[0].id, caseID: "7") == nil)
            // The next page follows the last one.
            #expect(try await index.add([record("7", "form", "ee")]).map(\.pageNumber) == [3])
        }
    }

    @Test func concurrentAddsGetDistinctPageNumbers() async throws {
        try await withDatabase { path in
            let index = SQLiteCaptureIndex(try HallDatabase(StoreConfiguration(path: path)))
            let numbers = try await withThrowingTaskGroup(of: [Int].self) { group in
                for n in 0..<8 { group.addTask { try await index.add([self.record("9", "form", "h\(n)")]).map(\.pageNumber) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(numbers.sorted() == Array(1...8))
        }
    }

    @Test func recordsSurviveReopening() async throws {
        try await withDatabase { path in
            let added = try await SQLiteCaptureIndex(try HallDatabase(StoreConfiguration(path: path))).add([record("5", "id-card", "ff")])
            let reopened = SQLiteCaptureIndex(try HallDatabase(StoreConfiguration(path: path)))
            #expect(try await reopened.records(caseID: "5") == added)
        }
    }
}
