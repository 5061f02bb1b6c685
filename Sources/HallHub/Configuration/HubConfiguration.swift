/// Everything `hall-hub` is configured with. The embedded defaults (`HubConfiguration.defaults`)
/// run a hub on this machine's PostgreSQL; a JSON file and `--set` flags override them key by key.
public struct HubConfiguration: Codable, Sendable, Equatable {
    /// Where the HTTP server listens, and with which certificate it serves TLS (docs/hub.md).
    public struct Listen: Codable, Sendable, Equatable {
        public var host: String
        public var port: Int
        /// The hub's certificate chain (PEM, the hub's own first) and its private key (PEM), as
        /// `hall-hub make-certificates` writes them. Both empty: plain HTTP (loopback, or behind a
        /// proxy that terminates TLS).
        public var certificateFile: String = ""
        public var keyFile: String = ""

        /// Whether the hub serves TLS itself.
        public var servesTLS: Bool { !certificateFile.isEmpty }
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

    /// Banner accounts: password hashing (as halld's), sessions, and the sign-in throttle.
    public struct Accounts: Codable, Sendable, Equatable {
        /// bcrypt cost, as halld's `accounts.passwordCost`.
        public var passwordCost: Int
        /// A session ends after this long without a request, or this long after sign-in.
        public var sessionIdleSeconds: Double
        public var sessionAbsoluteSeconds: Double
        /// Failed sign-ins allowed per user name and per address before the delay starts.
        public var throttleFreeFailures: Int
        public var throttleFreeFailuresPerAddress: Int
        /// The first delay, doubling with each further failure up to the maximum.
        public var throttleBaseDelaySeconds: Double
        public var throttleMaxDelaySeconds: Double
    }

    public var listen: Listen
    /// Peers whose `X-Forwarded-For` / `X-Forwarded-Proto` the hub believes (nginx in front of it).
    public var trustedProxies: [String]
    public var database: Database
    /// Largest accepted request body in bytes (a batch of 5,000 events fits in 4 MB).
    public var maxRequestBytes: Int
    public var accounts: Accounts
    /// The banner's time zone (IANA), which decides what "today" and a month are on the dashboard.
    public var timeZone: String

    /// The embedded defaults: port 8090 on loopback, the `hall_hub` database over Debian's socket.
    public static let defaults = HubConfiguration(
        listen: Listen(host: "127.0.0.1", port: 8090),
        trustedProxies: ["127.0.0.1", "::1"],
        database: Database(
            socketPath: "/var/run/postgresql/.s.PGSQL.5432", host: "127.0.0.1", port: 5432, username: "hall_hub",
            password: "", name: "hall_hub", maxConnections: 8),
        maxRequestBytes: 4 << 20,
        accounts: Accounts(
            passwordCost: 12, sessionIdleSeconds: 30 * 60, sessionAbsoluteSeconds: 12 * 3600, throttleFreeFailures: 5,
            throttleFreeFailuresPerAddress: 20, throttleBaseDelaySeconds: 30, throttleMaxDelaySeconds: 900),
        timeZone: "Asia/Shanghai")
}
