import Glibc

/// The descriptor a file-descriptor transport (`CharacterDeviceConnection`, `TCPConnection`)
/// holds: none, open, or lost (kept until the next `open()` or `close()` so its reason can be told).
final class PosixDescriptor: Sendable {
    enum State {
        case closed
        case open(Int32)
        case lost(Int32, String)
    }

    private let state = TransportLock<State>(.closed)

    /// The state now.
    var current: State { state.withLock { $0 } }

    /// Closes the descriptor held (open or lost), if any, and holds `fd` instead (nothing when nil).
    func replace(with fd: Int32?) {
        let previous = state.withLock { state -> State in
            defer { state = fd.map { .open($0) } ?? .closed }
            return state
        }
        switch previous {
        case .open(let old), .lost(let old, _): _ = Glibc.close(old)
        case .closed: break
        }
    }

    /// The open descriptor; `.disconnected` with the loss's reason, or `notOpen` when closed.
    func usable(notOpen: @autoclosure () -> String) throws(TransportError) -> Int32 {
        switch current {
        case .open(let fd): return fd
        case .lost(_, let reason): throw .disconnected("\(reason); call open() to reconnect")
        case .closed: throw .disconnected(notOpen())
        }
    }

    /// Marks `fd` lost (when it is still the one held) and returns the error to throw.
    func markLost(_ fd: Int32, _ reason: String) -> TransportError {
        state.withLock { state in
            if case .open(let current) = state, current == fd { state = .lost(fd, reason) }
        }
        return .disconnected(reason)
    }
}
