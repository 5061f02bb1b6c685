import Foundation
import HallDisplay
import HallEmulators
import HallTransport

/// A real pty with emulated screens on the master side and a `SerialDisplayBus` driving the
/// slave through `TTYConnection`.
final class BusFixture {
    let directory: URL
    let emulator: VirtualDisplayBus
    var pty: VirtualDisplayPTY
    let connection: TTYConnection
    let bus: SerialDisplayBus
    let profile: DisplayProfile

    init(
        profile: DisplayProfile = BusFixture.fastGeneric, windows: [Int: UInt8] = [1: 1, 2: 2, 3: 3],
        start: Bool = true
    ) throws {
        self.profile = profile
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hall-display-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        emulator = VirtualDisplayBus(
            wire: try profile.wireProtocol(), addresses: Array(windows.values),
            answers: profile.ackExpected)
        pty = try VirtualDisplayPTY(bus: emulator, linkPath: directory.appendingPathComponent("ttyLED0").path)
        connection = TTYConnection(path: pty.path, settings: profile.serial)
        bus = try SerialDisplayBus(
            connection: connection, profile: profile, screens: windows,
            reconnectDelayMilliseconds: 50)
        if start { bus.start() }
    }

    deinit {
        bus.stop()
        pty.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Waits (generously) until the bus has nothing left to send.
    func settle() -> Bool { bus.waitUntilIdle(timeoutMilliseconds: 20_000) }

    func screen(window: Int) -> ScreenStatus? { bus.status().screens.first { $0.window == window } }

    /// Our protocol with a short answer timeout so silent-screen tests stay quick.
    static let fastGeneric = DisplayProfile(
        id: "test-generic", name: "test", protocol: HallFrameProtocol.identifier,
        serial: SerialSettings(baudRate: 19200, dataBits: 8, parity: .even, stopBits: 1),
        charactersPerLine: 16, lines: 2, ackTimeoutMilliseconds: 150, retries: 2)
}
