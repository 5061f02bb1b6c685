import Foundation
import Glibc
import HallTransport
import Testing

/// TCPConnection against a real loopback listener (the stand-in for a port-9100 printer).
@Suite("TCP connection over loopback")
struct TCPConnectionTests {
    @Test("writes every byte of a large job and reads the printer's status reply")
    func writeAndRead() throws {
        let listener = try LoopbackListener()
        let connection = TCPConnection(host: "127.0.0.1", port: listener.port)
        try connection.open()
        defer { connection.close() }
        let client = try #require(listener.accept())
        defer { Glibc.close(client) }

        let job = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let received = TransportBox<[UInt8]>()
        let reader = Thread { received.set(LoopbackListener.receive(client, count: job.count)) }
        reader.start()
        try connection.write(job, timeoutMilliseconds: 5000)
        received.wait()
        #expect(received.value == job)

        LoopbackListener.send(client, [0x16])
        #expect(try connection.read(maxLength: 8, timeoutMilliseconds: 2000) == [0x16])
        #expect(try connection.read(maxLength: 8, timeoutMilliseconds: 50) == [])
    }

    @Test("connection refused maps to notFound")
    func refused() throws {
        let port = try LoopbackListener.closedPort()
        let connection = TCPConnection(host: "127.0.0.1", port: port, connectTimeoutMilliseconds: 1000)
        #expect(throws: TransportError.self) { try connection.open() }
        do {
            try connection.open()
        } catch {
            guard case .notFound(let message) = error else {
                Issue.record("expected notFound, got \(error)")
                return
            }
            #expect(message.contains("ECONNREFUSED"))
        }
    }

    @Test("a name that does not resolve maps to notFound")
    func unresolvable() {
        let connection = TCPConnection(host: "printer.invalid", port: 9100, connectTimeoutMilliseconds: 500)
        #expect(throws: TransportError.self) { try connection.open() }
    }

    @Test("peer closing maps to disconnected; open() reconnects")
    func peerCloses() throws {
        let listener = try LoopbackListener()
        let connection = TCPConnection(host: "127.0.0.1", port: listener.port)
        try connection.open()
        defer { connection.close() }
        let first = try #require(listener.accept())
        Glibc.close(first)

        #expect(throws: TransportError.disconnected("tcp:127.0.0.1:\(listener.port): peer closed the connection")) {
            _ = try connection.read(maxLength: 1, timeoutMilliseconds: 2000)
        }
        var writeError: TransportError?
        do { try connection.write([0x1B, 0x40], timeoutMilliseconds: 500) } catch { writeError = error }
        if case .disconnected = writeError {} else { Issue.record("write after close: \(String(describing: writeError))") }

        try connection.open()
        let second = try #require(listener.accept())
        defer { Glibc.close(second) }
        try connection.write([0x1B, 0x40], timeoutMilliseconds: 1000)
        #expect(LoopbackListener.receive(second, count: 2) == [0x1B, 0x40])
    }

    @Test("writes to a peer that does not read time out")
    func writeTimeout() throws {
        let listener = try LoopbackListener()
        let connection = TCPConnection(host: "127.0.0.1", port: listener.port)
        try connection.open()
        defer { connection.close() }
        let client = try #require(listener.accept())
        defer { Glibc.close(client) }
        let big = [UInt8](repeating: 0x41, count: 64 << 20)
        do {
            try connection.write(big, timeoutMilliseconds: 300)
            Issue.record("64 MiB were accepted by a peer that never reads")
        } catch {
            guard case .timeout = error else { Issue.record("expected timeout, got \(error)"); return }
        }
    }

    @Test("a listener whose accept queue is full makes connect time out")
    func connectTimeout() throws {
        let listener = try LoopbackListener(backlog: 0)
        // Fill the accept queue with connections nobody accepts; later SYNs are dropped.
        var fillers: [TCPConnection] = []
        var timedOut = false
        for _ in 0..<8 {
            let filler = TCPConnection(host: "127.0.0.1", port: listener.port, connectTimeoutMilliseconds: 300)
            do {
                try filler.open()
                fillers.append(filler)
            } catch {
                guard case .timeout = error else { Issue.record("expected timeout, got \(error)"); break }
                timedOut = true
                break
            }
        }
        #expect(timedOut)
        fillers.forEach { $0.close() }
    }
}

/// A value handed from a helper thread to the test, with a completion signal.
final class TransportBox<Value>: @unchecked Sendable {
    var value: Value?
    private let done = DispatchSemaphore(value: 0)
    func wait() { done.wait() }
    func set(_ newValue: Value) { value = newValue; done.signal() }
}
