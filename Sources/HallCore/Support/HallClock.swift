import Foundation

/// The source of "now". Injected everywhere so rules are testable at any date.
public protocol HallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The machine's real-time clock.
public struct SystemClock: HallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until moved: for tests and simulations.
public final class ManualClock: HallClock, @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward by `seconds`.
    public func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }
}
