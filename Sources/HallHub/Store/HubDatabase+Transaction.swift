import HallCore
import PostgresNIO

extension HubDatabase {
    /// Runs `body` in a transaction (COMMIT when it returns, ROLLBACK when it throws); a `HubError`
    /// or a `HallFailure` (an account refusal) thrown by `body` comes out as itself, not wrapped in
    /// PostgreSQL's transaction error.
    ///
    /// A transaction that has not finished after `deadlineSeconds` is given up with
    /// `HubError.databaseTimeout` (503: the hall sends again later): a connection lost in the middle
    /// of a transaction (PostgreSQL crashed) can leave PostgresNIO waiting for ever, and a request
    /// waiting for ever would also hold the hub's stop.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            let client = client, logger = logger
            return try await Deadline.run(seconds: deadlineSeconds, onTimeout: HubError.databaseTimeout) {
                try await client.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? HubError, error.rollbackError == nil { throw refusal }
            if let refusal = error.closureError as? any HallFailure, error.rollbackError == nil { throw refusal }
            throw error
        }
    }
}
