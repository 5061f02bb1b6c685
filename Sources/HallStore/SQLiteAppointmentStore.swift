import Foundation
import GRDB
import HallCore

/// Appointment storage on SQLite. Writes share the database's group-commit writer: each runs in its
/// own savepoint and returns only once its transaction is committed.
public final class SQLiteAppointmentStore: AppointmentStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteAppointmentTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteAppointmentTransaction(db: db)) }
    }
}

/// Home-visit storage on SQLite (same writer as every other store).
public final class SQLiteHomeVisitStore: HomeVisitStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteHomeVisitTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteHomeVisitTransaction(db: db)) }
    }
}
