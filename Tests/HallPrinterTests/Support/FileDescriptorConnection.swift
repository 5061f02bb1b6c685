import Foundation
import HallTransport

/// Test-only DeviceConnection over a real file descriptor: a TCP loopback socket or a
/// character device path (the emulator's pty). Not a mock: bytes go through the kernel.
final class FileDescriptorConnection: DeviceConnection, @unchecked Sendable {
    enum Target: Sendable {
        case tcp(host: String, port: UInt16)
        case path(String)
    }

    let target: Target
    private let lock = NSLock()
    private var fd: Int32 = -1

    init(_ target: Target) { self.target = target }

    var address: String {
        switch target {
        case .tcp(let host, let port): "tcp:\(host):\(port)"
        case .path(let path): "dev:\(path)"
        }
    }

    func open() throws(TransportError) {
        let current = lock.withLock { fd }
        guard current < 0 else { return }
        let opened: Int32
        switch target {
        case .path(let path):
            opened = Glibc.open(path, O_RDWR | O_NOCTTY)
            guard opened >= 0 else { throw .notFound("\(path): \(String(cString: strerror(errno)))") }
        case .tcp(let host, let port):
            opened = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &addr.sin_addr)
            let rc = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(opened, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard rc == 0 else {
                let why = String(cString: strerror(errno))
                Glibc.close(opened)
                throw .notFound("\(address): \(why)")
            }
        }
        lock.withLock { fd = opened }
    }

    func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        let fd = lock.withLock { self.fd }
        guard fd >= 0 else { throw .disconnected(address) }
        var offset = 0
        while offset < bytes.count {
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&pfd, 1, Int32(timeoutMilliseconds)) > 0 else { throw .timeout("write \(address)") }
            if pfd.revents & Int16(POLLERR | POLLHUP) != 0 { throw .disconnected(address) }
            let n: Int = bytes[offset...].withUnsafeBytes { raw in
                if case .tcp = target { return send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL)) }
                return Glibc.write(fd, raw.baseAddress, raw.count)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .disconnected("\(address): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        let fd = lock.withLock { self.fd }
        guard fd >= 0 else { throw .disconnected(address) }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(timeoutMilliseconds))
        if ready == 0 { return [] }
        if ready < 0 { throw .io("poll: \(String(cString: strerror(errno)))") }
        var buffer = [UInt8](repeating: 0, count: maxLength)
        let n = Glibc.read(fd, &buffer, maxLength)
        if n <= 0 { throw .disconnected("\(address): end of stream") }
        return Array(buffer[0..<n])
    }

    func close() {
        let old: Int32 = lock.withLock {
            defer { fd = -1 }; return fd
        }
        if old >= 0 { Glibc.close(old) }
    }
}
