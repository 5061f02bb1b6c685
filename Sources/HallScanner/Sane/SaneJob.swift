import Foundation

/// The stop request of one running SANE capture, set by a timeout or a task cancellation from any
/// thread and read by the capture between libsane calls.
///
/// Only a flag: the capture itself calls `sane_cancel`, on the libsane queue, between two
/// `sane_read`s. A `sane_cancel` from another thread while `sane_read` runs makes the backend end the
/// frame twice at once (the `test` backend then closes its pipe under the read, whose descriptor
/// number another thread may already have reused, and joins its reader thread twice).
final class SaneJob: @unchecked Sendable {
    private let lock = NSLock()
    private var stopReason: ScannerError?

    /// Asks the running capture to stop for `reason` (`.timeout` or `.cancelled`); the first reason
    /// given is kept.
    func stop(_ reason: ScannerError) {
        lock.lock()
        defer { lock.unlock() }
        if stopReason == nil { stopReason = reason }
    }

    /// Why the capture was stopped, if it was.
    var stopped: ScannerError? {
        lock.lock()
        defer { lock.unlock() }
        return stopReason
    }
}
