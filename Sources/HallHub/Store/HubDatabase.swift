import Foundation
import Logging
import PostgresNIO

/// The hub's PostgreSQL database: a connection pool (run it with `run()` for the hub's lifetime)
/// and the schema migrations.
public final class HubDatabase: Sendable {
    public let client: PostgresClient
    let logger: Logger
    /// How long a transaction or a statement may take before the hub gives it up (503).
    let deadlineSeconds: Double

    /// `deadlineSeconds`: 10 s by default, under the hall's own 15 s request timeout.
    public init(_ configuration: HubConfiguration.Database, logger: Logger = Logger(label: "hall-hub.db"), deadlineSeconds: Double = 10) {
        self.deadlineSeconds = deadlineSeconds
        var options = PostgresClient.Configuration.Options()
        options.maximumConnections = configuration.maxConnections
        options.minimumConnections = 0
        options.connectTimeout = .seconds(5)
        let password = configuration.password.isEmpty ? nil : configuration.password
        var postgres: PostgresClient.Configuration
        if configuration.socketPath.isEmpty {
            postgres = .init(
                host: configuration.host, port: configuration.port, username: configuration.username, password: password,
                database: configuration.name, tls: .disable)
        } else {
            postgres = .init(
                unixSocketPath: configuration.socketPath, username: configuration.username, password: password,
                database: configuration.name)
        }
        postgres.options = options
        client = PostgresClient(configuration: postgres, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the pool until the task is cancelled; every query waits for it.
    public func run() async { await client.run() }

    /// Applies the schema steps not applied yet; returns the versions it applied. Concurrent hubs
    /// serialise on an advisory lock.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7291001)", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS hub_migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM hub_migration", logger: logger)
                .decode(Int.self)
            {
                applied.insert(version)
            }
            var done: [Int] = []
            for step in HubMigrations.steps where !applied.contains(step.version) {
                for sql in step.sql { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                try await connection.query(
                    "INSERT INTO hub_migration (version, name) VALUES (\(step.version), \(step.name))", logger: logger)
                done.append(step.version)
            }
            return done
        }
    }
}
