import Foundation

/// Serves a ``VirtualPrinter`` behind a pseudo-terminal, standing in for a kernel character
/// device (`/dev/usb/lp0`, `/dev/ttyUSB0`): a driver opens ``devicePath`` and talks to it.
///
/// The slave side is set to raw mode (no newline translation, no echo) and kept open by
/// the endpoint itself, so clients may open and close it repeatedly.
public final class VirtualPrinterPTY: @unchecked Sendable {
    /// The printer behind the pty.
    public let printer: VirtualPrinter
    /// Path of the slave side (`/dev/pts/N`), or of ``linkPath`` when given.
    public let devicePath: String
    /// A symlink made to the slave, if asked for.
    public let linkPath: String?

    private let master: Int32
    private let keeper: Int32
    private let pump: FileDescriptorPump

    /// Creates the pty and starts serving.
    /// - Parameters:
    ///   - linkPath: optional stable path (symlink) to the slave, e.g. `var/dev/lp0`.
    ///   - tearOffAfterIdle: complete an uncut receipt after this much silence.
    public init(
        printer: VirtualPrinter, linkPath: String? = nil,
        tearOffAfterIdle: TimeInterval? = 1.0
    ) throws(EmulatorError) {
        self.printer = printer
        let (m, slavePath) = try PseudoTerminalCalls.openMaster()
        let s = open(slavePath, O_RDWR | O_NOCTTY)
        guard s >= 0 else {
            close(m)
            throw .pty("open \(slavePath): \(String(cString: strerror(errno)))")
        }
        var tio = termios()
        tcgetattr(s, &tio)
        cfmakeraw(&tio)
        tcsetattr(s, TCSANOW, &tio)
        if let linkPath {
            unlink(linkPath)
            guard symlink(slavePath, linkPath) == 0 else {
                close(s); close(m)
                throw .pty("symlink \(linkPath): \(String(cString: strerror(errno)))")
            }
        }
        self.master = m
        self.keeper = s
        self.linkPath = linkPath
        self.devicePath = linkPath ?? slavePath
        self.pump = FileDescriptorPump(
            fd: m, printer: printer, tearOffAfterIdle: tearOffAfterIdle,
            survivesHangup: true)
        pump.start()
    }

    /// Stops serving and removes the pty (clients then see I/O errors).
    public func stop() {
        pump.stop()
        close(keeper)
        if let linkPath { unlink(linkPath) }
    }
}
