import Foundation
import Glibc

/// A pty pair in raw mode: the test holds the master (the "printer"), the connection opens
/// the slave's path as it would open `/dev/usb/lp0`.
final class PseudoTerminal {
    private(set) var master: Int32
    let slavePath: String
    private let slaveKeeper: Int32

    init() throws {
        // posix_openpt/unlockpt/ptsname are hidden from the Glibc module; the same through
        // /dev/ptmx and the Linux ioctls TIOCSPTLCK (_IOW('T', 0x31, int)) and
        // TIOCGPTN (_IOR('T', 0x30, unsigned int)).
        master = Glibc.open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
            ioctl(master, 0x8004_5430, &number) == 0
        else {
            throw POSIXError(.ENXIO)
        }
        slavePath = "/dev/pts/\(number)"
        // Keep one slave descriptor so the line discipline stays set up, and make it raw so
        // bytes pass unchanged (no echo, no CR/LF translation).
        slaveKeeper = Glibc.open(slavePath, O_RDWR | O_NOCTTY)
        guard slaveKeeper >= 0 else { throw POSIXError(.ENXIO) }
        var attributes = termios()
        tcgetattr(slaveKeeper, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(slaveKeeper, TCSANOW, &attributes)
    }

    /// Closes the test's slave descriptor (after the connection has opened its own).
    func releaseSlave() { Glibc.close(slaveKeeper) }

    /// "Unplugs" the device: closes the master, so the slave side hangs up.
    func closeMaster() {
        if master >= 0 { Glibc.close(master) }
        master = -1
    }

    /// Reads what the connection wrote, up to `count` bytes.
    func receive(count: Int, timeoutMilliseconds: Int32 = 3000) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < count {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, timeoutMilliseconds) == 1 else { break }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            received += buffer.prefix(n)
        }
        return received
    }

    /// Sends bytes as the device.
    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
    }

    deinit {
        closeMaster()
        Glibc.close(slaveKeeper)
    }
}
