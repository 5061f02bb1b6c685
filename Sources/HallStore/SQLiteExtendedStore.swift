import Foundation
import GRDB
import HallCore

/// Extended hours', the ledger's and follow-ups' storage on SQLite (tables of migration
/// `v8-extended-hours`). Writes share the database's group-commit writer with the queue: each runs
/// in its own savepoint and returns only once its transaction is committed.
public final class SQLiteExtendedStore: ExtendedHoursStore, LedgerStore, FollowUpStore {
    private let database: HallDatabase
    public init(_ database: HallDatabase) { self.database = database }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any FollowUpTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any FollowUpTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteExtendedTransaction(db: db)) }
    }
}
