import Foundation

/// A mutex-protected value, used by the transports to keep their state Sendable.
///
/// `Synchronization.Mutex` needs macOS 15; this wrapper over `NSLock` works on every
/// platform the package declares.
final class TransportLock<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the protected value.
    func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
