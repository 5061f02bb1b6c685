import Foundation
import GRDB
import HallCore

/// Ratings and their follow-ups on the hall's SQLite database. Writes share the database's
/// group-commit writer: each returns only once its transaction is committed.
public final class SQLiteRatingStore: RatingStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any RatingTransaction) throws -> T) async throws -> T {
        try await database.writer.write { db in try work(SQLiteRatingTransaction(db: db)) }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any RatingTransaction) throws -> T) async throws -> T {
        try await database.pool.read { db in try work(SQLiteRatingTransaction(db: db)) }
    }
}
