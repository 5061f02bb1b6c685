/// Where capture records are kept. The daemon implements it on SQLite (HallStore); tests use
/// `InMemoryCaptureIndex`.
public protocol CaptureIndex: Sendable {
    /// All records of a case, in any order.
    func records(caseID: String) async throws -> [CaptureRecord]
    /// Adds records atomically: all of them or none.
    func add(_ records: [CaptureRecord]) async throws
}

/// A `CaptureIndex` in memory.
public actor InMemoryCaptureIndex: CaptureIndex {
    private var stored: [CaptureRecord] = []

    /// Creates an empty index.
    public init() {}

    public func records(caseID: String) -> [CaptureRecord] {
        stored.filter { $0.caseID == caseID }
    }

    public func add(_ records: [CaptureRecord]) {
        stored.append(contentsOf: records)
    }

    /// Every record (for tests and diagnostics).
    public var all: [CaptureRecord] { stored }
}
