import Synchronization

/// One device's health as `/healthz`, metrics and the console show it.
public struct DeviceHealth: Codable, Sendable, Equatable {
    /// e.g. `ticket-printer`, `led-window-3`.
    public var name: String
    public var ok: Bool
    /// Human-readable condition, e.g. 缺纸.
    public var condition: String

    public init(name: String, ok: Bool, condition: String) {
        self.name = name
        self.ok = ok
        self.condition = condition
    }
}

/// Where device drivers report their health; the server reads it for `/healthz` and `/metrics`.
public final class HealthRegistry: Sendable {
    public typealias Reporter = @Sendable () async -> [DeviceHealth]
    private let reporters = Mutex([String: Reporter]())

    public init() {}

    /// Registers a source of device health under `name` (replacing one of the same name).
    public func register(_ name: String, _ report: @escaping Reporter) {
        reporters.withLock { $0[name] = report }
    }

    /// Current health of every registered device, sorted by name.
    public func snapshot() async -> [DeviceHealth] {
        var all: [DeviceHealth] = []
        for report in reporters.withLock({ Array($0.values) }) { all += await report() }
        return all.sorted { $0.name < $1.name }
    }
}
