import Foundation
import HallCore
import HallEmulators
import HallServer
import HallTestSupport
import HummingbirdTesting
import Testing

/// The demo hall end to end: the kiosk's ticket comes out of the virtual ESC/POS printer (over
/// TCP), a call reaches the virtual LED screen (over a pseudo-terminal) and is spoken (espeak-ng).
@Suite("Demo devices through their real transports")
struct DemoDevicesTests {
    static let devicesDirectory = PackagePaths.url("devices").path

    @Test("print, call on the LED screen, voice, paper-out retry and reprint")
    func demoHall() async throws {
        let (server, folder, demo) = try makeDemoServer {
            $0.hardware = .automatic
            $0.hardware.ticketPrinter.transport = .emulator
            $0.hardware.displays.transport = .emulator
            $0.hardware.voice.playLocally = false
            $0.devicesDirectory = Self.devicesDirectory
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let printer = try #require(demo.printer)
        let screens = try #require(demo.displays)
        let background = Task { await server.devices.run() }
        defer { background.cancel() }

        try await server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            // 1. A ticket is printed with its number, service and a QR code to its status page.
            let (status, body) = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#)
            #expect(status == .created)
            #expect(body.contains(#""print":{"message""#) && body.contains(#""status":"printed""#), "\(body)")
            let receipt = try #require(printer.receipts.last)
            #expect(receipt.lines.contains { $0.text.contains("B001") })
            #expect(receipt.lines.contains { $0.text.contains("社保医保") })
            // The QR link carries the ticket's key: only its holder can rate the service.
            #expect(receipt.qrCodes.first?.payload.hasSuffix("/t/?id=1&k=\(server.queue.keys.key(for: 1))") == true)
            #expect(receipt.cut != nil)
            let printed = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("printed").path)
            #expect(printed.contains { $0.hasSuffix(".png") })

            // 2. The call reaches window 3's LED screen.
            _ = try await client.send(.post, "/api/windows/3/call-next")
            let screen = try #require(screens.screens[3])
            try await eventually { screen.text == "请B001号到3号窗口" }

            // 3. The hall screen page can fetch the spoken call.
            let voice = try await client.execute(uri: "/api/voice?number=B001&window=3", method: .get) { $0 }
            #expect(voice.status == .ok)
            #expect(voice.headers[.contentType] == "audio/wav")
            #expect(Array(voice.body.readableBytesView.prefix(4)) == Array("RIFF".utf8))

            // 4. Paper out: the ticket is still issued, the kiosk is told, health shows the fault…
            printer.state.paperOut = true
            let (_, queued) = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#)
            #expect(queued.contains(#""status":"queued""#) && queued.contains("B002"), "\(queued)")
            let (healthStatus, health) = try await client.send(.get, "/healthz")
            #expect(healthStatus == .ok && health.contains(#""status":"degraded""#), "\(health)")
            #expect(health.contains(#""name":"ticket-printer","ok":false"#), "\(health)")
            // …and once paper is back the pending ticket prints by itself, exactly once.
            printer.state.paperOut = false
            try await eventually(seconds: 15) { printer.receipts.contains { $0.lines.contains { $0.text.contains("B002") } } }
            #expect(printer.receipts.filter { $0.lines.contains { $0.text.contains("B002") } }.count == 1)

            // 5. A clerk reprints B001.
            let before = printer.receipts.count
            let (reprintStatus, reprint) = try await client.send(.post, "/api/tickets/B001/reprint")
            #expect(reprintStatus == .ok && reprint.contains(#""status":"printed""#), "\(reprint)")
            #expect(printer.receipts.count == before + 1)
        }
    }
}

/// Polls `condition` until it holds, or fails after `seconds`.
func eventually(seconds: Double = 5, _ condition: @escaping () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else {
            Issue.record("condition not met within \(seconds) s")
            return
        }
        try await Task.sleep(for: .milliseconds(25))
    }
}
