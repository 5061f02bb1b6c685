import Foundation
import Glibc

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

    private let descriptor = PosixDescriptor()
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
        if case .open(let fd) = descriptor.current, Self.isAlive(fd) { return }
        descriptor.replace(with: nil)
        let fd = try TCPConnector.connect(
            host: host, port: port,
            deadline: Deadline(milliseconds: connectTimeoutMilliseconds))
        descriptor.replace(with: fd)
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let fd = try descriptor.usable(notOpen: "\(address) is not connected")
        try PosixIO.writeAll(
            fd, bytes, until: Deadline(milliseconds: timeoutMilliseconds),
            transfer: { send($0, $1, $2, Int32(MSG_NOSIGNAL)) },
            timedOut: { .timeout("\(address): sent \($0) of \(bytes.count) bytes") },
            hungUp: { descriptor.markLost(fd, "\(address): peer closed after \($0) of \(bytes.count) bytes") },
            failed: { socketError($0, fd: fd, during: "send") })
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let fd = try descriptor.usable(notOpen: "\(address) is not connected")
        guard maxLength > 0 else { return [] }
        return try PosixIO.readSome(
            fd, maxLength: maxLength, until: Deadline(milliseconds: timeoutMilliseconds),
            transfer: { recv($0, $1, $2, 0) },
            hungUp: { descriptor.markLost(fd, "\(address): connection hung up") },
            endOfFile: { descriptor.markLost(fd, "\(address): peer closed the connection") },
            failed: { socketError($0, fd: fd, during: "recv") })
    }

    public func close() {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        descriptor.replace(with: nil)
    }

    // MARK: - Internals

    private func socketError(_ code: Int32, fd: Int32, during operation: String) -> TransportError {
        let text = "\(address) \(operation): \(PosixIO.errorText(code))"
        switch code {
        case EPIPE, ECONNRESET, ENOTCONN, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH:
            return descriptor.markLost(fd, text)
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
