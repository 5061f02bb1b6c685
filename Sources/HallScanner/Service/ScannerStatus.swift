import Foundation

/// What `/healthz` and the clerk console show about the configured scanner.
public struct ScannerStatus: Sendable, Codable, Equatable {
    /// Device state.
    public enum State: String, Sendable, Codable {
        /// Not checked yet.
        case unknown
        /// A matching device is connected.
        case ready
        /// A capture is running.
        case capturing
        /// No matching device is connected.
        case absent
    }

    /// The profile in use.
    public var profileID: String
    /// Device state.
    public var state: State
    /// The device in use (SANE name or `/dev/videoN`), when present.
    public var device: String?
    /// Code of the last capture error, if the last capture failed.
    public var lastError: String?
    /// When the device list was last checked.
    public var checkedAt: Date?
}
