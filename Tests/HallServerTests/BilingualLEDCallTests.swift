import Foundation
import HallCore
import HallDisplay
import HallEmulators
import HallServer
import HallTestSupport
import HummingbirdTesting
import Testing

/// A bilingual hall's window screens: the call drawn with Pango in both scripts (Mongolian on the
/// top half, Chinese below) and sent as an image frame over a pseudo-terminal to the emulated
/// screen; a profile that draws text only keeps the Chinese text and says so in /api/devices.
@Suite("Bilingual calls on the window screens")
struct BilingualLEDCallTests {
    /// `devices`: the model catalogs (the repository's by default).
    static func hall(profile: String, devices: String = PackagePaths.url("devices").path) throws -> (HallServer, URL, DemoDevices) {
        try makeDemoServer {
            $0.hardware = .automatic
            $0.hardware.ticketPrinter.transport = .none
            $0.hardware.displays.transport = .emulator
            $0.hardware.displays.profile = profile
            $0.hardware.voice.enabled = false
            $0.devicesDirectory = devices
            $0.dataDirectory = PackagePaths.url("data").path
            $0.center.languages = ["mn", "zh"]
        }
    }

    @Test("the call reaches window 3's screen as a 256×32 image, Mongolian above the Chinese")
    func imageCall() async throws {
        let (server, folder, demo) = try Self.hall(profile: "hall-generic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let screens = try #require(demo.displays)
        let background = Task { await server.devices.run() }
        defer { background.cancel() }
        try await server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk).0 == .created)
            _ = try await client.send(.post, "/api/windows/3/call-next")
            let screen = try #require(screens.screens[3])
            try await eventually { screen.image != nil }
            let image = try #require(screen.image)
            #expect(image.width == 256 && image.height == 32 && screen.isShowingCall)
            let top = image.litCount(rows: 0..<16), bottom = image.litCount(rows: 16..<32)
            #expect(top > 100 && bottom > 100, "both halves drawn: \(top) and \(bottom) pixels lit")
            let (_, devices) = try await client.send(.get, "/api/devices")
            #expect(!devices.contains("led-second-script"), "\(devices)")
        }
    }

    @Test("a text-only profile gets the Chinese call as text, and /api/devices says Mongolian is not shown")
    func textOnlyProfile() async throws {
        // The repository's model catalogs, with a hall-frame-v1 screen that has no pixels (the
        // emulator speaks hall-frame-v1).
        let devices = FileManager.default.temporaryDirectory.appendingPathComponent("hall-devices-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: devices) }
        try FileManager.default.createDirectory(at: devices.appendingPathComponent("displays"), withIntermediateDirectories: true)
        for folder in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.url("devices").path) where folder != "displays" {
            try FileManager.default.copyItem(at: PackagePaths.url("devices/\(folder)"), to: devices.appendingPathComponent(folder))
        }
        var textOnly = DisplayProfile.generic
        textOnly.id = "text-only"
        textOnly.pixels = nil
        try JSONEncoder().encode(textOnly).write(to: devices.appendingPathComponent("displays/text-only.json"))
        let (server, folder, demo) = try Self.hall(profile: "text-only", devices: devices.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let screens = try #require(demo.displays)
        let background = Task { await server.devices.run() }
        defer { background.cancel() }
        try await server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk).0 == .created)
            _ = try await client.send(.post, "/api/windows/3/call-next")
            let screen = try #require(screens.screens[3])
            try await eventually { screen.text.contains("B001") }
            #expect(screen.image == nil)
            let (_, devices) = try await client.send(.get, "/api/devices")
            #expect(devices.contains("led-second-script") && devices.contains("不显示蒙古文"), "\(devices)")
        }
    }
}
