import Foundation
import GRDB
import HallCore

/// The staff ledger's storage on SQLite (tables of migration `v8-extended-hours`).
public final class SQLiteLedgerStore: LedgerStore {
    private let database: HallDatabase
    public init(_ database: HallDatabase) { self.database = database }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteExtendedTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteExtendedTransaction(db: db)) }
    }
}
