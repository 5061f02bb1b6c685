import Synchronization

/// One device's health as `/healthz`, metrics and the console show it.
public struct DeviceHealth: Codable, Sendable, Equatable {
    /// e.g. `ticket-printer`, `led-display-3`.
    public var name: String
    public var ok: Bool
    /// Human-readable condition in Chinese, e.g. 缺纸.
    public var condition: String

    public init(name: String, ok: Bool, condition: String) {
        self.name = name
        self.ok = ok
        self.condition = condition
    }
}

/// Where device drivers report their health; the server reads it for `/healthz` and `/metrics`.
public final class HealthRegistry: Sendable {
    private let reporters = Mutex([String: @Sendable () -> DeviceHealth]())

    public init() {}

    /// Registers a closure that reports a device's current health.
    public func register(_ name: String, _ report: @escaping @Sendable () -> DeviceHealth) {
        reporters.withLock { $0[name] = report }
    }

    /// Current health of every registered device, sorted by name.
    public func snapshot() -> [DeviceHealth] {
        reporters.withLock { Array($0.values) }.map { $0() }.sorted { $0.name < $1.name }
    }
}
