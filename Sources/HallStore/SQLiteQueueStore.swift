import Foundation
import GRDB
import HallCore

/// The queue's storage on SQLite. Each `write` is one transaction, committed (and, with
/// `synchronous=FULL`, on disk) before it returns.
public final class SQLiteQueueStore: QueueStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try await database.pool.write { db in try work(SQLiteQueueTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteQueueTransaction(db: db)) }
    }
}
