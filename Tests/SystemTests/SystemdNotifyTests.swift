import Foundation
import Testing

/// halld speaks systemd's notify protocol: READY when serving, WATCHDOG pings at half the
/// interval, STOPPING on SIGTERM. The test plays systemd with a datagram socket of its own.
@Suite("systemd notify")
struct SystemdNotifyTests {
    @Test("READY=1, WATCHDOG=1 and STOPPING=1 arrive on NOTIFY_SOCKET")
    func notifications() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let socketPath = folder.appendingPathComponent("notify.sock").path
        let listener = try DatagramListener(path: socketPath)

        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        try await daemon.start(environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "400000"])
        var messages: [String] = []
        func seen(_ field: String) -> Bool { messages.contains { $0.contains(field) } }
        while !(seen("WATCHDOG=1") && seen("READY=1")), let message = listener.receive(timeoutSeconds: 5) {
            messages.append(message)
        }
        #expect(messages.first { $0.contains("READY=1") }?.contains("STATUS=serving") == true)
        #expect(messages.contains { $0.contains("WATCHDOG=1") })
        #expect(daemon.terminate() == 0)
        var stopping = false
        while !stopping, let message = listener.receive(timeoutSeconds: 5) { stopping = message.contains("STOPPING=1") }
        #expect(stopping)
    }
}

/// A Unix datagram socket bound to a path, standing in for systemd's notify socket.
final class DatagramListener {
    private let fd: Int32

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit { close(fd) }

    func receive(timeoutSeconds: Int) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutSeconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : nil
    }
}
