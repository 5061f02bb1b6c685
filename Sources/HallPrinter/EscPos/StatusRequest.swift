/// The real-time status a DLE EOT n request asks for.
public enum StatusRequest: UInt8, Sendable, CaseIterable {
    /// n = 1: printer status (online/offline).
    case printer = 1
    /// n = 2: offline cause (cover open, feed button, paper-end stop, error).
    case offlineCause = 2
    /// n = 3: error cause (autocutter, unrecoverable, auto-recoverable).
    case errorCause = 3
    /// n = 4: roll paper sensor (near end, paper out).
    case paperSensor = 4
}
