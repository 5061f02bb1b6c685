/// A device that matched a `USBHotplugMonitor` arrived on or left the bus.
public struct USBHotplugEvent: Sendable, Hashable, CustomStringConvertible {
    /// Arrival or removal.
    public enum Kind: String, Sendable, Hashable {
        case arrived
        case left
    }

    /// What happened.
    public var kind: Kind
    /// The device it happened to.
    public var device: USBDeviceInfo

    /// Creates an event.
    public init(kind: Kind, device: USBDeviceInfo) {
        self.kind = kind
        self.device = device
    }

    /// e.g. `arrived 0416:5011 at 001/002`.
    public var description: String { "\(kind.rawValue) \(device)" }
}
