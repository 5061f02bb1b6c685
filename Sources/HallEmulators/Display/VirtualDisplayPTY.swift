import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Serves a `VirtualDisplayBus` on a pseudo-terminal: the emulator holds the master side, the host
/// opens the slave path (or the symlink `linkPath` to it) with `TTYConnection` exactly as it would
/// open /dev/ttyUSB0. A reader thread decodes what arrives and writes the screens' answers back.
public final class VirtualDisplayPTY: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case pty(String)
        public var description: String {
            switch self {
            case .pty(let s): "pty: \(s)"
            }
        }
    }

    public let bus: VirtualDisplayBus
    /// The slave device path, e.g. /dev/pts/7.
    public let slavePath: String
    /// A symlink to the slave, if one was asked for.
    public let linkPath: String?

    private static let TIOCSPTLCK: UInt = 0x4004_5431
    private static let TIOCGPTN: UInt = 0x8004_5430

    private let master: Int32
    /// Kept open so the master never sees a hang-up while the host reopens the slave.
    private var keeper: Int32
    private let lock = NSLock()
    private var running = true
    private var thread: Thread?

    public init(bus: VirtualDisplayBus, linkPath: String? = nil) throws {
        self.bus = bus
        // /dev/ptmx, unlock (TIOCSPTLCK), slave number (TIOCGPTN): what posix_openpt, unlockpt
        // and ptsname do, without the feature macros Swift's Glibc module lacks.
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard m >= 0 else { throw Failure.pty("/dev/ptmx: \(String(cString: strerror(errno)))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(m, Self.TIOCSPTLCK, &unlock) == 0, ioctl(m, Self.TIOCGPTN, &number) == 0 else {
            _ = close(m)
            throw Failure.pty("ioctl on /dev/ptmx: \(String(cString: strerror(errno)))")
        }
        slavePath = "/dev/pts/\(number)"
        keeper = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        var t = termios()
        if keeper >= 0, tcgetattr(keeper, &t) == 0 {
            cfmakeraw(&t)
            _ = tcsetattr(keeper, TCSANOW, &t)
        }
        master = m
        if let linkPath {
            try? FileManager.default.removeItem(atPath: linkPath)
            let dir = (linkPath as NSString).deletingLastPathComponent
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            guard symlink(slavePath, linkPath) == 0 else {
                _ = close(m)
                throw Failure.pty("symlink \(linkPath): \(String(cString: strerror(errno)))")
            }
        }
        self.linkPath = linkPath
        let t2 = Thread { [self] in serve() }
        t2.name = "hall.virtual-display"
        thread = t2
        t2.start()
    }

    deinit { stop() }

    /// Path the host should open: the symlink if any, else the slave.
    public var path: String { linkPath ?? slavePath }

    /// Stops serving, closes the pty and removes the symlink. The host then sees the device vanish.
    public func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        while thread?.isFinished == false { usleep(1000) }
        if keeper >= 0 { _ = close(keeper) }
        keeper = -1
        _ = close(master)
        if let linkPath { try? FileManager.default.removeItem(atPath: linkPath) }
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while lock.withLock({ running }) {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let r = poll(&pfd, 1, 20)
            guard r > 0, pfd.revents & Int16(POLLIN) != 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { continue }
            let reply = bus.receive(Array(buffer.prefix(n)))
            var offset = 0
            while offset < reply.count {
                let w = reply.withUnsafeBytes { write(master, $0.baseAddress! + offset, reply.count - offset) }
                if w <= 0 { break }
                offset += w
            }
        }
    }
}
