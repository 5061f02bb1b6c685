/// Everything `hall-hub` is configured with. The embedded defaults (`HubConfiguration.defaults`)
/// run a hub on this machine's PostgreSQL; a JSON file and `--set` flags override them key by key.
public struct HubConfiguration: Codable, Sendable, Equatable {
    /// Where the HTTP server listens (behind nginx terminating TLS in production, docs/hub.md).
    public struct Listen: Codable, Sendable, Equatable {
        public var host: String
        public var port: Int
    }

    /// The PostgreSQL database: a unix socket path (`socketPath`, preferred on one host) or host and port.
    public struct Database: Codable, Sendable, Equatable {
        /// e.g. `/var/run/postgresql/.s.PGSQL.5432`; empty: TCP to `host`:`port`.
        public var socketPath: String
        public var host: String
        public var port: Int
        public var username: String
        /// Empty: none (peer or trust authentication over the socket).
        public var password: String
        public var name: String
        /// Connections the hub keeps at most.
        public var maxConnections: Int
    }

    public var listen: Listen
    public var database: Database
    /// Largest accepted request body in bytes (a batch of 5,000 events fits in 4 MB).
    public var maxRequestBytes: Int

    /// The embedded defaults: port 8090 on loopback, the `hall_hub` database over Debian's socket.
    public static let defaults = HubConfiguration(
        listen: Listen(host: "127.0.0.1", port: 8090),
        database: Database(
            socketPath: "/var/run/postgresql/.s.PGSQL.5432", host: "127.0.0.1", port: 5432, username: "hall_hub",
            password: "", name: "hall_hub", maxConnections: 8),
        maxRequestBytes: 4 << 20)
}
