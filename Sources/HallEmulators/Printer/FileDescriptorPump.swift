import Foundation

/// Moves bytes between one open file descriptor (a TCP client, a pty master, a socketpair
/// end) and a ``VirtualPrinter`` on a thread of its own, writing status replies back.
final class FileDescriptorPump: @unchecked Sendable {
    let fd: Int32
    private let printer: VirtualPrinter
    private let tearOffAfterIdle: TimeInterval?
    private let closesDescriptor: Bool
    private let survivesHangup: Bool
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private var sinkID: UUID?
    private let onEnd: @Sendable () -> Void

    /// - Parameter survivesHangup: keep polling after a hang-up (a pty master between two
    ///   clients of its slave) instead of ending as a socket does at end of file.
    init(
        fd: Int32, printer: VirtualPrinter, tearOffAfterIdle: TimeInterval?, closesDescriptor: Bool = true,
        survivesHangup: Bool = false, onEnd: @escaping @Sendable () -> Void = {}
    ) {
        self.survivesHangup = survivesHangup
        self.fd = fd
        self.printer = printer
        self.tearOffAfterIdle = tearOffAfterIdle
        self.closesDescriptor = closesDescriptor
        self.onEnd = onEnd
    }

    func start() {
        sinkID = printer.addSink { [weak self] bytes in self?.writeAll(bytes) }
        let thread = Thread { [self] in loop() }
        thread.name = "virtual-printer-pump"
        thread.start()
    }

    /// Stops the loop and waits for it to end (closing the descriptor when owned).
    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
        finished.signal()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var lastData = Date()
        defer {
            if let sinkID { printer.removeSink(sinkID) }
            if closesDescriptor { close(fd) }
            onEnd()
            finished.signal()
        }
        while !isStopped {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready < 0 { if errno == EINTR { continue } else { return } }
            if ready == 0 {
                if let idle = tearOffAfterIdle, Date().timeIntervalSince(lastData) > idle { printer.tearOff() }
                continue
            }
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            // EOF on a socket, or EIO on a pty master whose last slave closed.
            if n <= 0 {
                if survivesHangup { usleep(50_000); continue }
                return
            }
            lastData = Date()
            let replies = printer.receive(Array(buffer[0..<n]))
            if !replies.isEmpty { writeAll(replies) }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw in
                send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == ENOTSOCK {
                let w = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if w <= 0 { return }
                offset += w
                continue
            }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }
}
