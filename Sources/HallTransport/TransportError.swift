/// Why a transport could not move bytes.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No device answered at the address (unplugged, wrong ids, host down).
    case notFound(String)
    /// The device exists but we may not open it (udev rules, group membership).
    case accessDenied(String)
    /// Another program holds the device.
    case busy(String)
    /// The operation did not complete in time.
    case timeout(String)
    /// The device went away while in use.
    case disconnected(String)
    /// Any other I/O failure, with the underlying library's words.
    case io(String)

    public var description: String {
        switch self {
        case .notFound(let s): "device not found: \(s)"
        case .accessDenied(let s): "access denied: \(s)"
        case .busy(let s): "device busy: \(s)"
        case .timeout(let s): "timed out: \(s)"
        case .disconnected(let s): "device disconnected: \(s)"
        case .io(let s): "I/O error: \(s)"
        }
    }
}
