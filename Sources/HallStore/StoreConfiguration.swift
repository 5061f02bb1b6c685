import GRDB

/// How the SQLite file is opened.
public struct StoreConfiguration: Sendable, Equatable {
    /// SQLite `synchronous` level. `full` (the default) makes every acknowledged write survive
    /// power loss; `normal` survives a crash of the process but may lose the last commits on power loss.
    public enum Synchronous: String, Sendable, Codable, CaseIterable {
        case full = "FULL"
        case normal = "NORMAL"
    }

    public var path: String
    public var synchronous: Synchronous
    /// How long a writer waits for a lock held by another process (`hallctl backup`, a second tool).
    public var busyTimeoutSeconds: Double

    public init(path: String, synchronous: Synchronous = .full, busyTimeoutSeconds: Double = 5) {
        self.path = path
        self.synchronous = synchronous
        self.busyTimeoutSeconds = busyTimeoutSeconds
    }

    /// GRDB configuration: WAL (set by `DatabasePool`), foreign keys on, busy timeout.
    /// `synchronous` is applied by `HallDatabase` once the pool has set WAL up.
    func grdbConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeoutSeconds)
        return config
    }
}
