import Foundation
import Glibc
import HallTransport
import Testing

/// CharacterDeviceConnection against a pty pair and a FIFO standing in for /dev/usb/lp0.
@Suite("Character device connection")
struct CharacterDeviceConnectionTests {
    @Test("writes bytes through and reads the device's status bytes back (pty)")
    func writeAndRead() throws {
        let pty = try PseudoTerminal()
        let connection = CharacterDeviceConnection(path: pty.slavePath)
        try connection.open()
        defer { connection.close() }

        let job: [UInt8] = [0x1B, 0x40] + Array("请A001\n".utf8) + [0x1D, 0x56, 0x42, 0x00]
        try connection.write(job, timeoutMilliseconds: 2000)
        #expect(pty.receive(count: job.count) == job)

        pty.send([0x12])
        #expect(try connection.read(maxLength: 4, timeoutMilliseconds: 2000) == [0x12])
        #expect(try connection.read(maxLength: 4, timeoutMilliseconds: 50) == [])
    }

    @Test("the device hanging up maps to disconnected, and stays disconnected until reopened")
    func hangUp() throws {
        let pty = try PseudoTerminal()
        let connection = CharacterDeviceConnection(path: pty.slavePath)
        try connection.open()
        defer { connection.close() }
        pty.releaseSlave()
        pty.closeMaster()

        var readError: TransportError?
        do { _ = try connection.read(maxLength: 1, timeoutMilliseconds: 1000) } catch { readError = error }
        guard case .disconnected = readError else {
            Issue.record("read after hang-up: \(String(describing: readError))")
            return
        }
        var writeError: TransportError?
        do { try connection.write([0x1B, 0x40], timeoutMilliseconds: 500) } catch { writeError = error }
        guard case .disconnected = writeError else {
            Issue.record("write after hang-up: \(String(describing: writeError))")
            return
        }
    }

    @Test("a missing device node maps to notFound")
    func missingNode() {
        let connection = CharacterDeviceConnection(path: "/dev/usb/lp-hall-missing-\(getpid())")
        do {
            try connection.open()
            Issue.record("opened a path that does not exist")
        } catch {
            guard case .notFound(let message) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("ENOENT"))
        }
    }

    @Test("works on a FIFO; a full FIFO nobody drains makes write time out")
    func fifo() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hall-lp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let connection = CharacterDeviceConnection(path: path)
        try connection.open()
        defer { connection.close() }

        let reader = Glibc.open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        try connection.write([0x1B, 0x40, 0x41], timeoutMilliseconds: 1000)
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(reader, $0.baseAddress, $0.count) }
        #expect(Array(buffer.prefix(max(0, n))) == [0x1B, 0x40, 0x41])
        Glibc.close(reader)

        do {
            try connection.write([UInt8](repeating: 0x20, count: 1 << 20), timeoutMilliseconds: 200)
            Issue.record("1 MiB fit into an undrained FIFO")
        } catch {
            guard case .timeout = error else { Issue.record("expected timeout, got \(error)"); return }
        }
    }
}
