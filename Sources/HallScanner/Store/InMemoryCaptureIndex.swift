import Foundation
import HallCore

/// A `CaptureIndex` in memory (tests, tools).
public actor InMemoryCaptureIndex: CaptureIndex {
    private var stored: [CaptureRecord] = []

    /// Creates an empty index.
    public init() {}

    public func records(caseID: String) -> [CaptureRecord] {
        stored.filter { $0.caseID == caseID }
    }

    public func add(_ records: [CaptureRecord]) -> [CaptureRecord] {
        var added: [CaptureRecord] = []
        for var record in records {
            record.pageNumber =
                (stored.filter { $0.caseID == record.caseID && $0.materialID == record.materialID }
                    .map(\.pageNumber).max() ?? 0) + 1
            stored.append(record)
            added.append(record)
        }
        return added
    }

    public func remove(id: UUID, caseID: String) -> CaptureRecord? {
        guard let position = stored.firstIndex(where: { $0.id == id && $0.caseID == caseID }) else { return nil }
        let removed = stored.remove(at: position)
        for index in stored.indices
        where stored[index].caseID == caseID && stored[index].materialID == removed.materialID
            && stored[index].pageNumber > removed.pageNumber
        {
            stored[index].pageNumber -= 1
        }
        return removed
    }

    public func references(sha256: String) -> Int {
        stored.filter { $0.sha256 == sha256 }.count
    }

    /// Every record (for tests and diagnostics).
    public var all: [CaptureRecord] { stored }
}
