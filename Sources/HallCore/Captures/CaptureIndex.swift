import Foundation

/// Where capture records (the metadata of stored page images) are kept. The core owns the
/// protocol; the daemon implements it on SQLite (`SQLiteCaptureIndex`), tests use an in-memory one.
public protocol CaptureIndex: Sendable {
    /// All records of a case, in any order.
    func records(caseID: String) async throws -> [CaptureRecord]
    /// Adds records atomically, all of them or none, as the next pages of their material in array
    /// order: the index assigns `pageNumber` (after the material's last page) and returns the
    /// records as stored. Durable when it returns.
    func add(_ records: [CaptureRecord]) async throws -> [CaptureRecord]
    /// Removes the record `id` of case `caseID` and renumbers the later pages of its material so the
    /// pages stay 1…n. Returns the removed record, or nil when there is no such record.
    func remove(id: UUID, caseID: String) async throws -> CaptureRecord?
    /// How many records (of any case) point at the file with this hash.
    func references(sha256: String) async throws -> Int
}
