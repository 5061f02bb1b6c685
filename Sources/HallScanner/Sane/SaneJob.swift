import CSane
import Foundation

/// The open handle of one running SANE capture, so that a timeout or a task cancellation can call
/// `sane_cancel` from another thread (the SANE standard allows `sane_cancel` asynchronously).
final class SaneJob: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: SANE_Handle?
    private var stopReason: ScannerError?

    /// Records the handle once it is open; cancels at once if a stop was already requested.
    func attach(_ handle: SANE_Handle) {
        lock.lock()
        defer { lock.unlock() }
        self.handle = handle
        if stopReason != nil { sane_cancel(handle) }
    }

    /// Forgets the handle before it is closed.
    func detach() {
        lock.lock()
        defer { lock.unlock() }
        handle = nil
    }

    /// Asks the running capture to stop for `reason` (`.timeout` or `.cancelled`).
    func stop(_ reason: ScannerError) {
        lock.lock()
        defer { lock.unlock() }
        guard stopReason == nil else { return }
        stopReason = reason
        if let handle { sane_cancel(handle) }
    }

    /// Why the capture was stopped, if it was.
    var stopped: ScannerError? {
        lock.lock()
        defer { lock.unlock() }
        return stopReason
    }
}
