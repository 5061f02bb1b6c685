import Glibc
import Foundation

/// A kernel character device such as the USB printer class driver's `/dev/usb/lp0`.
///
/// Opens with `O_RDWR | O_NOCTTY | O_NONBLOCK` and waits with poll(2), so every call keeps its
/// timeout. Works with any path that can be opened read-write (a FIFO, a pty), which is how
/// it is tested. It does not touch terminal settings: serial ports are `TTYConnection`'s job.
public final class CharacterDeviceConnection: DeviceConnection {
    /// The device path, e.g. `/dev/usb/lp0`.
    public let path: String
    public var address: String { "file:\(path)" }

    private enum State {
        case closed
        case open(Int32)
        case lost(Int32, String)
    }

    private let state = TransportLock<State>(.closed)
    private let writeLock = NSLock()
    private let readLock = NSLock()

    /// Creates a connection to `path`; nothing is opened until `open()`.
    public init(path: String) {
        self.path = path
    }

    deinit { close() }

    public func open() throws(TransportError) {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        switch state.withLock({ $0 }) {
        case .open: return
        case .lost(let fd, _): _ = Glibc.close(fd)
        case .closed: break
        }
        state.withLock { $0 = .closed }
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openError(errno, path: path) }
        state.withLock { $0 = .open(fd) }
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let fd = try usableDescriptor()
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        var offset = 0
        while offset < bytes.count {
            switch try PosixIO.wait(fd, for: Int16(POLLOUT), until: deadline) {
            case .timedOut:
                throw .timeout("\(path): wrote \(offset) of \(bytes.count) bytes")
            case .hangUp:
                throw markLost(fd, "\(path): device hung up after \(offset) of \(bytes.count) bytes")
            case .ready:
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n > 0 { offset += n; continue }
                let code = errno
                if n < 0 && (code == EAGAIN || code == EINTR) { continue }
                throw ioError(code, fd: fd, during: "write")
            }
        }
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let fd = try usableDescriptor()
        guard maxLength > 0 else { return [] }
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        while true {
            switch try PosixIO.wait(fd, for: Int16(POLLIN), until: deadline) {
            case .timedOut:
                return []
            case .hangUp:
                throw markLost(fd, "\(path): device hung up")
            case .ready:
                var buffer = [UInt8](repeating: 0, count: maxLength)
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n > 0 { return Array(buffer.prefix(n)) }
                if n == 0 { throw markLost(fd, "\(path): end of file") }
                let code = errno
                if code == EAGAIN || code == EINTR { continue }
                throw ioError(code, fd: fd, during: "read")
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

    private func usableDescriptor() throws(TransportError) -> Int32 {
        switch state.withLock({ $0 }) {
        case .open(let fd): return fd
        case .lost(_, let reason): throw .disconnected("\(reason); call open() to reconnect")
        case .closed: throw .disconnected("\(path) is not open")
        }
    }

    private func markLost(_ fd: Int32, _ reason: String) -> TransportError {
        state.withLock { state in
            if case .open(let current) = state, current == fd { state = .lost(fd, reason) }
        }
        return .disconnected(reason)
    }

    /// ENODEV/ENXIO/EIO after open mean the device went away (usblp returns ENODEV
    /// after unplug; a pty whose other side closed returns EIO).
    private func ioError(_ code: Int32, fd: Int32, during operation: String) -> TransportError {
        let text = "\(path) \(operation): \(PosixIO.errorText(code))"
        switch code {
        case ENODEV, ENXIO, EIO, EPIPE: return markLost(fd, text)
        case EBUSY: return .busy(text)
        default: return .io(text)
        }
    }

    static func openError(_ code: Int32, path: String) -> TransportError {
        let text = "open \(path): \(PosixIO.errorText(code))"
        switch code {
        case ENOENT, ENODEV, ENXIO: return .notFound(text)
        case EACCES, EPERM: return .accessDenied(text)
        case EBUSY: return .busy(text)
        default: return .io(text)
        }
    }
}
