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
