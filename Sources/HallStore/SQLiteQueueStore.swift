import Foundation
import GRDB
import HallCore

/// The queue's storage on SQLite. Each `write` runs atomically (in its own savepoint of a
/// group transaction) and returns only after that transaction is committed and, with
/// `synchronous=FULL`, on disk.
public final class SQLiteQueueStore: QueueStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try await database.writer.write { [serviceCache = database.serviceCache, memo = database.issueMemo] db in
            try memo.checkOtherConnections(db)
            return try work(SQLiteQueueTransaction(db: db, serviceCache: serviceCache, memo: memo))
        }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteQueueTransaction(db: db)) }
    }
}
