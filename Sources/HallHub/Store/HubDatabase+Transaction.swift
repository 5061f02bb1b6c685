import HallCore
import PostgresNIO

extension HubDatabase {
    /// Runs `body` in a transaction (COMMIT when it returns, ROLLBACK when it throws); a `HubError`
    /// or a `HallFailure` (an account refusal) thrown by `body` comes out as itself, not wrapped in
    /// PostgreSQL's transaction error.
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> sending Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? HubError, error.rollbackError == nil { throw refusal }
            if let refusal = error.closureError as? any HallFailure, error.rollbackError == nil { throw refusal }
            throw error
        }
    }
}
