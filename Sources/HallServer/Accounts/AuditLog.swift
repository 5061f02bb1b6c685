import Foundation
import HallCore
import Logging

/// Writes audit records durably, committing concurrent records together (group commit) so that
/// auditing every state change does not halve the hall's write rate.
public actor AuditLog {
    private let store: any AccountStore
    private var pending: [AuditRecord] = []
    private var waiters: [CheckedContinuation<Void, any Error>] = []
    private var flushing = false

    init(store: any AccountStore) {
        self.store = store
    }

    /// Appends `record` and returns once it is committed.
    public func record(_ record: AuditRecord) async throws {
        pending.append(record)
        try await withCheckedThrowingContinuation { continuation in
            waiters.append(continuation)
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending, batchWaiters = waiters
            pending = []
            waiters = []
            do {
                try await store.append(batch)
                batchWaiters.forEach { $0.resume() }
            } catch {
                batchWaiters.forEach { $0.resume(throwing: error) }
            }
        }
        flushing = false
    }

    /// Reads the log, newest first.
    public func records(_ query: AuditQuery) async throws -> [AuditRecord] {
        try await store.audit(query)
    }
}
