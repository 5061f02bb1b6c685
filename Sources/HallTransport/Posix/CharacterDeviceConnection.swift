import Foundation
import Glibc

/// A kernel character device such as the USB printer class driver's `/dev/usb/lp0`.
///
/// Opens with `O_RDWR | O_NOCTTY | O_NONBLOCK` and waits with poll(2), so every call keeps its
/// timeout. Works with any path that can be opened read-write (a FIFO, a pty), which is how
/// it is tested. It does not touch terminal settings: serial ports are `TTYConnection`'s job.
public final class CharacterDeviceConnection: DeviceConnection {
    /// The device path, e.g. `/dev/usb/lp0`.
    public let path: String
    public var address: String { "file:\(path)" }

    private let descriptor = PosixDescriptor()
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
        if case .open = descriptor.current { return }
        descriptor.replace(with: nil)
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openError(errno, path: path) }
        descriptor.replace(with: fd)
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let fd = try descriptor.usable(notOpen: "\(path) is not open")
        try PosixIO.writeAll(
            fd, bytes, until: Deadline(milliseconds: timeoutMilliseconds),
            transfer: { Glibc.write($0, $1, $2) },
            timedOut: { .timeout("\(path): wrote \($0) of \(bytes.count) bytes") },
            hungUp: { descriptor.markLost(fd, "\(path): device hung up after \($0) of \(bytes.count) bytes") },
            failed: { ioError($0, fd: fd, during: "write") })
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let fd = try descriptor.usable(notOpen: "\(path) is not open")
        guard maxLength > 0 else { return [] }
        return try PosixIO.readSome(
            fd, maxLength: maxLength, until: Deadline(milliseconds: timeoutMilliseconds),
            transfer: { Glibc.read($0, $1, $2) },
            hungUp: { descriptor.markLost(fd, "\(path): device hung up") },
            endOfFile: { descriptor.markLost(fd, "\(path): end of file") },
            failed: { ioError($0, fd: fd, during: "read") })
    }

    public func close() {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        descriptor.replace(with: nil)
    }

    // MARK: - Internals

    /// ENODEV/ENXIO/EIO after open mean the device went away (usblp returns ENODEV
    /// after unplug; a pty whose other side closed returns EIO).
    private func ioError(_ code: Int32, fd: Int32, during operation: String) -> TransportError {
        let text = "\(path) \(operation): \(PosixIO.errorText(code))"
        switch code {
        case ENODEV, ENXIO, EIO, EPIPE: return descriptor.markLost(fd, text)
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
