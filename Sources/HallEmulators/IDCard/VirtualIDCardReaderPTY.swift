import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Serves a `VirtualIDCardReader` on a pseudo-terminal: the host opens the slave path (or the
/// symlink to it) with `TTYConnection` as it would open /dev/ttyUSB0, or hall-usb-testbed relays
/// an emulated USB-serial chip's line to it. When the reader "vanishes" (the unplug fault), the
/// pty closes and the link is removed: the host sees the device go away mid-answer.
public final class VirtualIDCardReaderPTY: @unchecked Sendable {
    public let reader: VirtualIDCardReader
    /// The slave device path, e.g. /dev/pts/7.
    public let slavePath: String
    /// A symlink to the slave, if one was asked for.
    public let linkPath: String?

    private let master: Int32
    /// Kept open so the master never sees a hang-up while the host reopens the slave.
    private let keeper: Int32
    private let lock = NSLock()
    private var running = true
    private var closed = false
    private var thread: Thread?

    public init(reader: VirtualIDCardReader, linkPath: String? = nil) throws(EmulatorError) {
        self.reader = reader
        let (m, slave) = try PseudoTerminalCalls.openMaster()
        let k = open(slave, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard k >= 0 else {
            close(m)
            throw .pty("open \(slave): \(String(cString: strerror(errno)))")
        }
        var t = termios()
        if tcgetattr(k, &t) == 0 {
            cfmakeraw(&t)
            _ = tcsetattr(k, TCSANOW, &t)
        }
        if let linkPath {
            unlink(linkPath)
            guard symlink(slave, linkPath) == 0 else {
                close(k)
                close(m)
                throw .pty("symlink \(linkPath): \(String(cString: strerror(errno)))")
            }
        }
        master = m
        keeper = k
        slavePath = slave
        self.linkPath = linkPath
        let worker = Thread { [self] in serve() }
        worker.name = "hall.virtual-idcard"
        thread = worker
        worker.start()
    }

    deinit { stop() }

    /// Path the host should open: the symlink if any, else the slave.
    public var path: String { linkPath ?? slavePath }

    /// Whether the pty is gone (stopped, or vanished by the unplug fault).
    public var isClosed: Bool { lock.withLock { closed } }

    /// Stops serving and closes the pty; the host sees the device vanish.
    public func stop() {
        lock.withLock { running = false }
        if Thread.current != thread {
            while thread?.isFinished == false { usleep(1000) }
        }
        closeOnce()
    }

    private func closeOnce() {
        let first = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        close(keeper)
        close(master)
        if let linkPath { unlink(linkPath) }
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while lock.withLock({ running }) {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 20) > 0, pfd.revents & Int16(POLLIN) != 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { continue }
            for action in reader.receive(Array(buffer.prefix(n))) {
                switch action {
                case .send(let bytes):
                    send(bytes)
                case .sendThenVanish(let bytes):
                    send(bytes)
                    usleep(50_000)  // let the host take the first half
                    lock.withLock { running = false }
                    closeOnce()
                    return
                case .silence:
                    break
                }
            }
        }
    }

    private func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let w = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, bytes.count - offset) }
            if w <= 0 { break }
            offset += w
        }
    }
}
