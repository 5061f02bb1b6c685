/// The status items GS a n enables for automatic status back (ASB).
public struct AutomaticStatusItems: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bit 0: drawer kick-out connector pin 3.
    public static let drawer = AutomaticStatusItems(rawValue: 0x01)
    /// Bit 1: online/offline.
    public static let onlineOffline = AutomaticStatusItems(rawValue: 0x02)
    /// Bit 2: errors.
    public static let errors = AutomaticStatusItems(rawValue: 0x04)
    /// Bit 3: roll paper sensor.
    public static let paperSensor = AutomaticStatusItems(rawValue: 0x08)
    /// Everything a ticket printer cares about.
    public static let all: AutomaticStatusItems = [.onlineOffline, .errors, .paperSensor]
}
