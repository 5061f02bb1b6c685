import Foundation
import HallDisplay
import HallEmulators
import Testing

@testable import HallTransport

/// The real `TTYConnection` on a pty whose master side is the emulated display bus.
@Suite("TTYConnection on a pty")
struct TTYConnectionTests {
    static func linkPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hall-tty-\(UUID().uuidString)").path
    }

    static func readReply(_ c: TTYConnection, wire: HallFrameProtocol) throws -> ScreenReply? {
        var buffer: [UInt8] = []
        for _ in 0..<50 {
            buffer += try c.read(maxLength: 64, timeoutMilliseconds: 100)
            if let r = wire.decodeReply(from: &buffer) { return r }
        }
        return nil
    }

    @Test(arguments: [
        SerialSettings(baudRate: 9600), SerialSettings(baudRate: 19200, dataBits: 7, parity: .even, stopBits: 2),
        SerialSettings(baudRate: 115200, dataBits: 8, parity: .odd, stopBits: 1),
    ])
    func termiosSettingsAreApplied(settings: SerialSettings) throws {
        let emulator = VirtualDisplayBus(addresses: [1])
        let pty = try VirtualDisplayPTY(bus: emulator, linkPath: Self.linkPath())
        defer { pty.stop() }
        let c = TTYConnection(path: pty.path, settings: settings)
        try c.open()
        defer { c.close() }
        // Linux ptys force CS8 and no parity on every tcsetattr (pty_set_termios); speed and stop
        // bits are kept, so those are read back from the kernel. Data bits and parity are checked
        // on the termios structure below, before the kernel sees it.
        let applied = try c.appliedSettings()
        #expect(applied.baudRate == settings.baudRate)
        #expect(applied.stopBits == settings.stopBits)
        #expect(try c.isRaw())
    }

    @Test(arguments: [
        SerialSettings(baudRate: 9600), SerialSettings(baudRate: 19200, dataBits: 7, parity: .even, stopBits: 2),
        SerialSettings(baudRate: 4800, dataBits: 5, parity: .odd, stopBits: 1),
    ])
    func termiosStructureHoldsAllSettings(settings: SerialSettings) throws {
        var t = termios()
        t.c_cflag = tcflag_t(CS8 | PARENB | PARODD | CSTOPB)  // start from the opposite of the usual
        t.c_lflag = tcflag_t(ICANON | ECHO)
        try TTYTermios.apply(settings, to: &t, path: "test")
        #expect(TTYTermios.settings(of: t) == settings)
        #expect(t.c_lflag & tcflag_t(ICANON | ECHO) == 0)
    }

    @Test func frameGoesOutAndTheAckComesBack() throws {
        let emulator = VirtualDisplayBus(addresses: [1, 2])
        let pty = try VirtualDisplayPTY(bus: emulator, linkPath: Self.linkPath())
        defer { pty.stop() }
        let c = TTYConnection(path: pty.path, settings: SerialSettings())
        try c.open()
        try c.open()  // already open: no-op
        defer { c.close() }
        let wire = HallFrameProtocol()
        try c.write(try wire.encodeRequest(.showCall("请A012号到2号窗口"), address: 2), timeoutMilliseconds: 1000)
        #expect(try Self.readReply(c, wire: wire) == .ack(address: 2, command: HallFrameProtocol.Code.showCall))
        #expect(emulator[2]?.text == "请A012号到2号窗口")
        #expect(try c.read(maxLength: 64, timeoutMilliseconds: 20).isEmpty)  // nothing more: timeout, no error
    }

    @Test func missingDeviceIsNotFound() {
        let c = TTYConnection(path: "/dev/ttyUSB-hall-missing", settings: SerialSettings())
        #expect {
            try c.open()
        } throws: { error in
            guard case TransportError.notFound = error else { return false }
            return true
        }
        #expect(throws: TransportError.self) { try c.write([1], timeoutMilliseconds: 10) }
    }

    @Test func secondOpenerIsBusy() throws {
        let pty = try VirtualDisplayPTY(bus: VirtualDisplayBus(addresses: [1]), linkPath: Self.linkPath())
        defer { pty.stop() }
        let first = TTYConnection(path: pty.path, settings: SerialSettings())
        try first.open()
        defer { first.close() }
        let second = TTYConnection(path: pty.path, settings: SerialSettings())
        #expect {
            try second.open()
        } throws: { error in
            guard case TransportError.busy = error else { return false }
            return true
        }
        first.close()
        try second.open()  // free again once the first lets go
        second.close()
    }

    @Test func unsupportedBaudRateIsRefused() throws {
        let pty = try VirtualDisplayPTY(bus: VirtualDisplayBus(addresses: [1]), linkPath: Self.linkPath())
        defer { pty.stop() }
        let c = TTYConnection(path: pty.path, settings: SerialSettings(baudRate: 12345))
        #expect(throws: TransportError.self) { try c.open() }
        #expect(!c.isOpen)
    }

    @Test func unplugIsDisconnectedAndReopenWorks() throws {
        let link = Self.linkPath()
        let emulator = VirtualDisplayBus(addresses: [1])
        let pty = try VirtualDisplayPTY(bus: emulator, linkPath: link)
        let c = TTYConnection(path: link, settings: SerialSettings())
        try c.open()
        pty.stop()
        #expect {
            _ = try c.read(maxLength: 16, timeoutMilliseconds: 500)
            try c.write([0x02], timeoutMilliseconds: 500)
        } throws: { error in
            guard case TransportError.disconnected = error else { return false }
            return true
        }
        #expect(!c.isOpen)
        #expect(throws: TransportError.self) { try c.open() }  // the device node is gone

        let back = try VirtualDisplayPTY(bus: emulator, linkPath: link)
        defer { back.stop() }
        try c.open()
        let wire = HallFrameProtocol()
        try c.write(try wire.encodeRequest(.ping, address: 1), timeoutMilliseconds: 1000)
        #expect(try Self.readReply(c, wire: wire) == .ack(address: 1, command: HallFrameProtocol.Code.ping))
        c.close()
    }

    @Test func errnoMapping() {
        #expect(TTYErrno.error(ENOENT, operation: "open", path: "p") == .notFound("p: open: \(TTYErrno.message(ENOENT))"))
        guard case .accessDenied = TTYErrno.error(EACCES, operation: "open", path: "p") else { Issue.record(); return }
        guard case .busy = TTYErrno.error(EBUSY, operation: "open", path: "p") else { Issue.record(); return }
        guard case .disconnected = TTYErrno.error(EIO, operation: "read", path: "p") else { Issue.record(); return }
        guard case .disconnected = TTYErrno.error(ENXIO, operation: "open", path: "p") else { Issue.record(); return }
    }
}
