import Dispatch
import Foundation
import GRDB

/// Runs concurrent write requests in shared transactions ("group commit").
///
/// Requests that arrive while a commit is being flushed to disk wait for the next one, and then
/// all go into a single transaction, each inside its own savepoint: one request's error rolls
/// back only its own changes. Every request is answered only after the transaction that holds
/// it has committed, so an acknowledged write is as durable as with one transaction each — but
/// one `fsync` serves the whole group, which is what lets a busy kiosk and many consoles share
/// the disk.
///
/// A request that is alone in its group runs directly in the transaction, without a savepoint:
/// its error rolls back the whole transaction, which then holds nothing else.
///
/// A request that finds the writer idle runs at once on its caller's thread: a lone write (a
/// kiosk's ticket on a quiet morning) then costs no hand-off to the writer's queue and back, two
/// thread wake-ups that cost as much as the statements (`hall-bench durable`: 0.67–0.68 of the
/// raw commit rate without, 0.69–0.76 with, same runs). That thread waits out the flush, as long
/// as the disk takes, which a hall's load allows: when requests overlap they wait as usual and go
/// to the writer's queue, so a caller never writes for others (the HTTP benchmark's 16
/// connections issue as fast as before).
final class GroupCommitWriter: @unchecked Sendable {
    private struct Pending {
        /// Runs the work in a savepoint; returns the answer to deliver after the commit.
        let run: (Database) -> (@Sendable () -> Void)
        /// Runs the work as the transaction's only content; returns the answer to deliver after
        /// the commit, or throws the work's error (the transaction is then rolled back).
        let runAlone: (Database) throws -> (@Sendable () -> Void)
        /// Answers the request with an error when the whole transaction failed.
        let fail: @Sendable (any Error) -> Void
    }

    private let pool: DatabasePool
    /// Called whenever a write fails, after its changes were rolled back.
    private let rolledBack: @Sendable () -> Void
    private let lock = NSLock()
    private var pending: [Pending] = []
    private var draining = false
    private let queue = DispatchQueue(label: "hall.store.group-commit")

    init(pool: DatabasePool, rolledBack: @escaping @Sendable () -> Void) {
        self.pool = pool
        self.rolledBack = rolledBack
    }

    /// Runs `work` in a savepoint of the next group transaction and returns its result once
    /// that transaction has committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if claimIdleWriter() {
            defer { releaseWriter() }
            return try writeNow(work)
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let request = Pending(
                run: { db in
                    do {
                        var result: T?
                        try db.inSavepoint {
                            result = try work(db)
                            return .commit
                        }
                        let value = result!
                        return { continuation.resume(returning: value) }
                    } catch {
                        self.rolledBack()
                        return { continuation.resume(throwing: error) }
                    }
                },
                runAlone: { db in
                    let value = try work(db)
                    return { continuation.resume(returning: value) }
                },
                fail: { continuation.resume(throwing: $0) })
            enqueue(request)
        }
    }

    /// One transaction on this thread (GRDB's blocking `write`, which `async` code would not pick).
    private func writeNow<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(work)
        } catch {
            rolledBack()
            throw error
        }
    }

    /// Takes the writer when nobody writes or waits; the caller must then `releaseWriter()`.
    private func claimIdleWriter() -> Bool {
        lock.withLock {
            guard !draining, pending.isEmpty else { return false }
            draining = true
            return true
        }
    }

    /// Gives the writer back, or to its queue when requests arrived meanwhile.
    private func releaseWriter() {
        let handOff = lock.withLock { () -> Bool in
            if pending.isEmpty { draining = false }
            return !pending.isEmpty
        }
        if handOff { queue.async { self.drain() } }
    }

    private func enqueue(_ request: Pending) {
        let startDrain = lock.withLock { () -> Bool in
            pending.append(request)
            guard !draining else { return false }
            draining = true
            return true
        }
        if startDrain { queue.async { self.drain() } }
    }

    private func drain() {
        while true {
            let batch = lock.withLock { () -> [Pending] in
                let taken = pending
                pending.removeAll(keepingCapacity: true)
                if taken.isEmpty { draining = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            var answers: [@Sendable () -> Void] = []
            do {
                if batch.count == 1 {
                    try pool.write { db in answers = [try batch[0].runAlone(db)] }
                } else {
                    try pool.write { db in answers = batch.map { $0.run(db) } }
                }
                answers.forEach { $0() }
            } catch {
                rolledBack()
                batch.forEach { $0.fail(error) }
            }
        }
    }
}
