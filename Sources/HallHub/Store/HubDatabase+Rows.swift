import Logging
import PostgresNIO

extension HubDatabase {
    /// Runs one statement outside a transaction and returns all its rows, given up like a
    /// transaction after `deadlineSeconds` with `HubError.databaseTimeout` (503): a PostgreSQL
    /// that stops answering (hung, stopped, its connection lost) would otherwise hold the request,
    /// and with it the hub's graceful stop, for ever. Every hub read outside a transaction goes here.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger? = nil) async throws -> [PostgresRow] {
        let client = client, logger = logger ?? self.logger, seconds = deadlineSeconds
        return try await Deadline.run(seconds: seconds, onTimeout: HubError.databaseTimeout) {
            var rows: [PostgresRow] = []
            for try await row in try await client.query(query, logger: logger) { rows.append(row) }
            return rows
        }
    }
}

extension Array where Element == PostgresRow {
    /// Every row decoded as `columns`, as `PostgresRowSequence.decode` does.
    func decode<each Column: PostgresDecodable>(_ columns: (repeat each Column).Type) throws -> [(repeat each Column)] {
        try map { try $0.decode(columns) }
    }
}
