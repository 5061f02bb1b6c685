import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A serial device (`/dev/ttyUSB0`, `/dev/ttyACM0`, or a pty slave) as a `DeviceConnection`.
///
/// The port is opened non-blocking, locked with `flock` so a second program gets `busy`, put in raw
/// mode (`cfmakeraw`) with the speed, character size, parity and stop bits of `settings`; writes and
/// reads wait with `poll()` for at most their timeout. When the device goes away (EIO/ENXIO/hang-up)
/// the descriptor is closed and `disconnected` is thrown; the next `open()` reopens the same path,
/// which is how a replugged adapter is picked up again.
public final class TTYConnection: DeviceConnection, @unchecked Sendable {
    /// Path of the device node (or a symlink to it).
    public let path: String
    /// Line settings applied at every open.
    public let settings: SerialSettings
    /// Whether `write` waits (`tcdrain`) until the bytes left the UART, as RS-485 direction
    /// switching needs. Harmless on a pty.
    public let drainAfterWrite: Bool

    private let lock = NSLock()
    private var fd: Int32 = -1

    /// Baud rates `settings.baudRate` may take.
    public static var supportedBaudRates: [Int] { TTYTermios.speeds.keys.sorted() }

    public init(path: String, settings: SerialSettings, drainAfterWrite: Bool = true) {
        self.path = path
        self.settings = settings
        self.drainAfterWrite = drainAfterWrite
    }

    deinit { if fd >= 0 { _ = Glibc.close(fd) } }

    public var address: String { "tty:\(path)" }

    /// Whether a descriptor is open now.
    public var isOpen: Bool { lock.withLock { fd >= 0 } }

    public func open() throws(TransportError) {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 { return }
        let newFD = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        if newFD < 0 { throw TTYErrno.error(errno, operation: "open", path: path) }
        do throws(TransportError) {
            if flock(newFD, LOCK_EX | LOCK_NB) != 0 {
                throw TTYErrno.error(errno == EWOULDBLOCK ? EBUSY : errno, operation: "flock", path: path)
            }
            var t = termios()
            if tcgetattr(newFD, &t) != 0 { throw TTYErrno.error(errno, operation: "tcgetattr", path: path) }
            try TTYTermios.apply(settings, to: &t, path: path)
            if tcsetattr(newFD, TCSANOW, &t) != 0 {
                throw TTYErrno.error(errno, operation: "tcsetattr", path: path)
            }
            _ = tcflush(newFD, TCIOFLUSH)
        } catch {
            _ = Glibc.close(newFD)
            throw error
        }
        fd = newFD
    }

    /// The line settings the kernel holds for the open port (read back with `tcgetattr`).
    public func appliedSettings() throws(TransportError) -> SerialSettings {
        let current = try descriptor()
        var t = termios()
        if tcgetattr(current, &t) != 0 { throw failure(errno, "tcgetattr", fd: current) }
        return TTYTermios.settings(of: t)
    }

    /// Whether the port is in raw mode (no canonical input, no echo, no output processing).
    public func isRaw() throws(TransportError) -> Bool {
        let current = try descriptor()
        var t = termios()
        if tcgetattr(current, &t) != 0 { throw failure(errno, "tcgetattr", fd: current) }
        return t.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0 && t.c_oflag & tcflag_t(OPOST) == 0
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        let current = try descriptor()
        let deadline = TTYDeadline(milliseconds: timeoutMilliseconds)
        var offset = 0
        while offset < bytes.count {
            try waitFor(Int16(POLLOUT), fd: current, deadline: deadline, operation: "write")
            let n = bytes.withUnsafeBytes { buf in
                Glibc.write(current, buf.baseAddress! + offset, bytes.count - offset)
            }
            if n < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw failure(errno, "write", fd: current)
            }
            offset += n
        }
        if drainAfterWrite, tcdrain(current) != 0, errno != EINTR {
            throw failure(errno, "tcdrain", fd: current)
        }
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        let current = try descriptor()
        let deadline = TTYDeadline(milliseconds: timeoutMilliseconds)
        while true {
            do {
                try waitFor(Int16(POLLIN), fd: current, deadline: deadline, operation: "read")
            } catch .timeout {
                return []
            }
            var buffer = [UInt8](repeating: 0, count: max(1, maxLength))
            let n = buffer.withUnsafeMutableBytes { Glibc.read(current, $0.baseAddress!, $0.count) }
            if n > 0 { return Array(buffer.prefix(n)) }
            if n == 0 { throw failure(EIO, "read (end of file)", fd: current) }
            if errno == EAGAIN || errno == EINTR { continue }
            throw failure(errno, "read", fd: current)
        }
    }

    /// Throws away bytes received but not read and bytes written but not sent.
    public func discardBuffered() {
        lock.withLock { if fd >= 0 { _ = tcflush(fd, TCIOFLUSH) } }
    }

    public func close() {
        lock.withLock {
            if fd >= 0 { _ = Glibc.close(fd) }
            fd = -1
        }
    }

    // MARK: - Helpers

    private func descriptor() throws(TransportError) -> Int32 {
        let current = lock.withLock { fd }
        if current < 0 { throw .disconnected("\(path): not open") }
        return current
    }

    /// Maps `code`; a disconnection also closes the descriptor so `open()` reopens the device.
    private func failure(_ code: Int32, _ operation: String, fd failed: Int32) -> TransportError {
        let error = TTYErrno.error(code, operation: operation, path: path)
        if case .disconnected = error {
            lock.withLock {
                if fd == failed {
                    _ = Glibc.close(fd)
                    fd = -1
                }
            }
        }
        return error
    }

    private func waitFor(
        _ events: Int16, fd current: Int32, deadline: TTYDeadline,
        operation: String
    ) throws(TransportError) {
        while true {
            var pfd = pollfd(fd: current, events: events, revents: 0)
            let r = poll(&pfd, 1, Int32(deadline.remainingMilliseconds))
            if r < 0 {
                if errno == EINTR { continue }
                throw failure(errno, "poll", fd: current)
            }
            if r == 0 { throw .timeout("\(path): \(operation) after \(deadline.milliseconds) ms") }
            if pfd.revents & events != 0 { return }
            if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                throw failure(EIO, "\(operation) (hang-up)", fd: current)
            }
        }
    }
}

/// A point in time `milliseconds` from its creation, on the monotonic clock.
struct TTYDeadline {
    let milliseconds: Int
    private let end: UInt64

    init(milliseconds: Int) {
        self.milliseconds = max(0, milliseconds)
        end = DispatchTime.now().uptimeNanoseconds + UInt64(self.milliseconds) * 1_000_000
    }

    var remainingMilliseconds: Int {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= end ? 0 : Int((end - now + 999_999) / 1_000_000)
    }
}
