import HallCore
import Synchronization

/// The hall's `WindowSeats`, in memory: seated by `POST /api/posts/{window}/check` (the console's
/// window choice), read by the features a window's devices serve (its ID card reader). A restart
/// empties it; the consoles seat their clerks again when they next choose or confirm their window.
public final class WindowSeatBoard: Sendable {
    private let seats = Mutex(WindowSeats())

    public init() {}

    /// Seats `username` at `window`.
    public func seat(_ username: String, at window: Int) {
        seats.withLock { $0.seat(username, at: window) }
    }

    /// Who works where now.
    public var current: WindowSeats { seats.withLock { $0 } }
}
