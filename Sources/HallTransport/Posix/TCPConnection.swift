import Glibc
import Foundation

/// A raw TCP connection, as used by network ticket printers on port 9100 ("JetDirect"/raw).
///
/// Connects without blocking (non-blocking connect + poll) so the connect timeout holds;
/// writes use MSG_NOSIGNAL so a vanished peer gives EPIPE instead of killing the process.
/// `open()` keeps a live connection and reconnects a dead or lost one.
public final class TCPConnection: DeviceConnection {
    /// Host name or address of the printer.
    public let host: String
    /// TCP port (9100 for raw printing).
    public let port: UInt16
    /// Time allowed for the TCP handshake in `open()`.
    public let connectTimeoutMilliseconds: Int
    public var address: String { "tcp:\(host):\(port)" }

    private enum State {
        case closed
        case open(Int32)
        case lost(Int32, String)
    }

    private let state = TransportLock<State>(.closed)
    private let writeLock = NSLock()
    private let readLock = NSLock()

    /// Creates a connection; nothing is connected until `open()`.
    public init(host: String, port: UInt16 = 9100, connectTimeoutMilliseconds: Int = 3000) {
        self.host = host
        self.port = port
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
    }

    deinit { close() }

    public func open() throws(TransportError) {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        switch state.withLock({ $0 }) {
        case .open(let fd):
            if Self.isAlive(fd) { return }
            _ = Glibc.close(fd)
        case .lost(let fd, _): _ = Glibc.close(fd)
        case .closed: break
        }
        state.withLock { $0 = .closed }
        let fd = try TCPConnector.connect(host: host, port: port,
                                          deadline: Deadline(milliseconds: connectTimeoutMilliseconds))
        state.withLock { $0 = .open(fd) }
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let fd = try usableSocket()
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        var offset = 0
        while offset < bytes.count {
            switch try PosixIO.wait(fd, for: Int16(POLLOUT), until: deadline) {
            case .timedOut:
                throw .timeout("\(address): sent \(offset) of \(bytes.count) bytes")
            case .hangUp:
                throw markLost(fd, "\(address): peer closed after \(offset) of \(bytes.count) bytes")
            case .ready:
                let n = bytes.withUnsafeBytes {
                    send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
                }
                if n > 0 { offset += n; continue }
                let code = errno
                if n < 0 && (code == EAGAIN || code == EINTR) { continue }
                throw socketError(code, fd: fd, during: "send")
            }
        }
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let fd = try usableSocket()
        guard maxLength > 0 else { return [] }
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        while true {
            switch try PosixIO.wait(fd, for: Int16(POLLIN), until: deadline) {
            case .timedOut:
                return []
            case .hangUp:
                throw markLost(fd, "\(address): connection hung up")
            case .ready:
                var buffer = [UInt8](repeating: 0, count: maxLength)
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { return Array(buffer.prefix(n)) }
                if n == 0 { throw markLost(fd, "\(address): peer closed the connection") }
                let code = errno
                if code == EAGAIN || code == EINTR { continue }
                throw socketError(code, fd: fd, during: "recv")
            }
        }
    }

    public func close() {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        let current = state.withLock { state -> State in
            defer { state = .closed }
            return state
        }
        switch current {
        case .open(let fd), .lost(let fd, _): _ = Glibc.close(fd)
        case .closed: break
        }
    }

    // MARK: - Internals

    private func usableSocket() throws(TransportError) -> Int32 {
        switch state.withLock({ $0 }) {
        case .open(let fd): return fd
        case .lost(_, let reason): throw .disconnected("\(reason); call open() to reconnect")
        case .closed: throw .disconnected("\(address) is not connected")
        }
    }

    private func markLost(_ fd: Int32, _ reason: String) -> TransportError {
        state.withLock { state in
            if case .open(let current) = state, current == fd { state = .lost(fd, reason) }
        }
        return .disconnected(reason)
    }

    private func socketError(_ code: Int32, fd: Int32, during operation: String) -> TransportError {
        let text = "\(address) \(operation): \(PosixIO.errorText(code))"
        switch code {
        case EPIPE, ECONNRESET, ENOTCONN, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH:
            return markLost(fd, text)
        default: return .io(text)
        }
    }

    /// A connected socket is alive when it is neither hung up nor at end of stream.
    /// Unread data from the printer is left in place.
    static func isAlive(_ fd: Int32) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) >= 0 else { return false }
        if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return false }
        if pfd.revents & Int16(POLLIN) == 0 { return true }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }
}
