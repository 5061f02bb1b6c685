import Foundation

/// Serves a ``VirtualPrinter`` on a TCP port like a network ticket printer (raw port 9100):
/// every client's bytes go to the printer and status replies come back on the same socket.
public final class VirtualPrinterTCPServer: @unchecked Sendable {
    /// The printer behind the port.
    public let printer: VirtualPrinter
    /// The address bound, e.g. `127.0.0.1`.
    public let host: String
    /// The port bound (the kernel's choice when 0 was asked for).
    public private(set) var port: UInt16

    private let tearOffAfterIdle: TimeInterval?
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var stopped = false
    private let acceptDone = DispatchSemaphore(value: 0)
    private var clients: [UUID: FileDescriptorPump] = [:]

    /// Binds and listens on `host:port` (IPv4). Port 0 picks a free port.
    /// - Parameter tearOffAfterIdle: complete an uncut receipt after this much silence
    ///   (for printers without a cutter); nil waits for a cut.
    public init(
        printer: VirtualPrinter, host: String = "127.0.0.1", port: UInt16 = 9100,
        tearOffAfterIdle: TimeInterval? = 1.0
    ) throws(EmulatorError) {
        self.printer = printer
        self.host = host
        self.port = port
        self.tearOffAfterIdle = tearOffAfterIdle
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socket("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            close(fd)
            throw .socket("not an IPv4 address: \(host)")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw .socket("bind/listen \(host):\(port): \(why)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "virtual-printer-accept"
        thread.start()
    }

    /// Closes the port and every client connection (the printer "disappears").
    public func stop() {
        let pumps: [FileDescriptorPump] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            return Array(clients.values)
        }
        acceptDone.wait()
        acceptDone.signal()
        pumps.forEach { $0.stop() }
    }

    /// Closes the connections of current clients but keeps listening (a dropped link).
    public func dropClients() {
        let pumps = lock.withLock { Array(clients.values) }
        pumps.forEach { $0.stop() }
    }

    deinit { stop() }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func forget(_ key: UUID) {
        _ = lock.withLock { clients.removeValue(forKey: key) }
    }

    private func acceptLoop() {
        defer {
            close(listener)
            acceptDone.signal()
        }
        while !isStopped {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let key = UUID()
            // The pump forgets itself when its client goes away.
            let pump = FileDescriptorPump(fd: client, printer: printer, tearOffAfterIdle: tearOffAfterIdle) {
                [weak self] in self?.forget(key)
            }
            lock.withLock { clients[key] = pump }
            pump.start()
        }
    }
}
