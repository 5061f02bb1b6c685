import Foundation
import HallCore
import HallTestSupport
import Testing

/// halld drives LED window screens through a USB-serial adapter with no kernel driver, as on a
/// hall PC: real halld, real libusb (under umockdev), hall-usb-testbed emulating a CH340 whose line
/// is relayed to `hall-emulator display` (emulated hall-frame-v1 screens on a pty, screen 2 dead).
/// Calls go through the HTTP API as a clerk; the test reads what the screens show.
@Suite("LED screens over a libusb USB-serial adapter (halld under umockdev)", .serialized)
struct USBDisplayDaemonTests {
    static let fixtures = PackagePaths.url("Tests/HallTransportTests/Fixtures")
    static let syspath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
    static let devices = PackagePaths.url("devices")

    @Test("auto-detects the CH340, shows calls, reports a silent screen, survives unplug and replug")
    func daemonDrivesScreensOverUSB() async throws {
        guard
            let wrapper = ["/usr/bin/umockdev-wrapper", "/usr/local/bin/umockdev-wrapper"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record("umockdev-wrapper is missing: apt-get install umockdev")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-usbled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // The screens: addresses 1–3, screen 2 never answers.
        let link = folder.appendingPathComponent("ttyLED").path
        let screens = Process()
        screens.executableURL = try DaemonProcess.binary("hall-emulator")
        screens.arguments = ["display", "--pty-link", link, "--addresses", "1,2,3", "--dead", "2", "--json"]
        let screenOut = Pipe()
        screens.standardOutput = screenOut
        screens.standardError = FileHandle.nullDevice
        try screens.run()
        defer { kill(screens.processIdentifier, SIGKILL); screens.waitUntilExit() }
        let shown = LineCollector(screenOut.fileHandleForReading)
        for _ in 0..<250 where !FileManager.default.fileExists(atPath: link) { try await Task.sleep(for: .milliseconds(20)) }

        // halld under the testbed, which plugs the CH340 before halld starts; no /dev/ttyUSB*.
        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        let control = Pipe()
        let testbedOut = Pipe()
        let testbed = try DaemonProcess.binary("hall-usb-testbed")
        try await daemon.start(
            environment: ["HALL_TESTBED_PLUG_FIRST": "1", "HALL_TESTBED_SECONDS": "180"],
            settings: [
                #"hardware.ticketPrinter.transport="none""#, #"hardware.displays.transport="auto""#,
                #"hardware.displays.path="\#(folder.path)/no-ttyUSB0""#,
                #"hardware.displays.screens=[{"window":1,"address":1},{"window":2,"address":2},{"window":3,"address":3}]"#,
                "hardware.voice.enabled=false", "accounts.demoAccounts=true",
                #"devicesDirectory="\#(Self.devices.path)""#,
            ],
            launcher: [
                wrapper, testbed.path, Self.fixtures.appendingPathComponent("usb-serial-ch340-1a86-7523.umockdev").path,
                Self.syspath, "@serial:ch34x:\(link)", "--",
            ],
            input: control, output: testbedOut)
        let bridge = LineCollector(testbedOut.fileHandleForReading)
        defer { _ = daemon.terminate() }
        let api = daemon.baseURL

        // Auto-detection chose the adapter; the idle texts reached the live screens.
        let devices = try await JSONValue.get(api.appendingPathComponent("api/devices"))
        #expect(devices["display"]?["bus"]?.string == "usb-serial:1a86:7523 (ch34x, 9600 8N1)")
        try await shown.wait("idle text on screen 3") { $0["address"]?.int == 3 && $0["text"]?.string == "3号窗口 欢迎办理" }
        let line = try await bridge.wait("line setup") { $0["testbed"]?.string == "line" && $0["format"]?.string == "8N1" }
        #expect(abs((line["baud"]?.double ?? 0) - 9600) < 48)

        // A call at window 3 shows on screen 3.
        let token = try await JSONValue.post(
            api.appendingPathComponent("api/session"),
            #"{"username":"clerk3","password":"hall-demo"}"#)["token"]?.string
        try await JSONValue.post(
            api.appendingPathComponent("api/tickets"), #"{"service":"social-insurance"}"#,
            token: DaemonProcess.kioskToken)
        try await JSONValue.post(api.appendingPathComponent("api/windows/3/call-next"), "{}", token: token)
        try await shown.wait("B001 on screen 3") { $0["address"]?.int == 3 && $0["text"]?.string == "请B001号到3号窗口" && $0["call"]?.bool == true }

        // Screen 2 never answers: its idle text was tried three times (1 + 2 retries), then reported.
        let screen2 = try await poll("screen 2 reported not responding") {
            let status = try await JSONValue.get(api.appendingPathComponent("api/devices"))
            return status["display"]?["screens"]?.array?.first { $0["window"]?.int == 2 && $0["state"]?.string == "not_responding" }
        }
        #expect(screen2["lastError"]?.string?.contains("after 3 attempt(s)") == true)
        #expect(shown.lines.filter { $0["address"]?.int == 2 && $0["command"]?.string == "show_idle_text" }.count == 3)
        #expect(shown.lines.allSatisfy { $0["address"]?.int != 2 || $0["answered"]?.bool == false })
        // A call to the silent screen is accepted at once and sent (once more, as it is known silent).
        try await JSONValue.post(
            api.appendingPathComponent("api/tickets"), #"{"service":"civil-affairs"}"#,
            token: DaemonProcess.kioskToken)
        let started = ContinuousClock.now
        try await JSONValue.post(api.appendingPathComponent("api/windows/2/call-next"), "{}", token: token)
        #expect(ContinuousClock.now - started < .seconds(2), "a silent screen must not hold up the call")
        try await shown.wait("C001 sent to screen 2") { $0["address"]?.int == 2 && $0["text"]?.string == "请C001号到2号窗口" }
        let health = try await JSONValue.get(api.appendingPathComponent("healthz"))
        #expect(health["status"]?.string == "degraded")
        #expect(health["devices"]?.array?.first { $0["name"]?.string == "led-window-2" }?["ok"]?.bool == false)
        #expect(health["devices"]?.array?.first { $0["name"]?.string == "led-window-3" }?["ok"]?.bool == true)

        // Unplugged: reported at once by hotplug; a call meanwhile is accepted and waits.
        control.fileHandleForWriting.write(Data(#"{"testbed":"unplug"}"#.utf8 + [0x0A]))
        _ = try await poll("the bus reported disconnected") {
            let status = try await JSONValue.get(api.appendingPathComponent("api/devices"))
            return status["display"]?["transportError"]?.string?.contains("disconnected") == true ? status : nil
        }
        let unplugged = try await JSONValue.get(api.appendingPathComponent("healthz"))
        #expect(unplugged["devices"]?.array?.first { $0["name"]?.string == "led-bus" }?["ok"]?.bool == false)
        try await JSONValue.post(api.appendingPathComponent("api/windows/3/start"), "{}", token: token)
        try await JSONValue.post(api.appendingPathComponent("api/windows/3/finish"), "{}", token: token)
        try await JSONValue.post(
            api.appendingPathComponent("api/tickets"), #"{"service":"social-insurance"}"#,
            token: DaemonProcess.kioskToken)
        try await JSONValue.post(api.appendingPathComponent("api/windows/3/call-next"), "{}", token: token)

        // Replugged: line set up again, the waiting call reaches screen 3.
        control.fileHandleForWriting.write(Data(#"{"testbed":"plug"}"#.utf8 + [0x0A]))
        try await shown.wait("B002 on screen 3 after the replug") { $0["address"]?.int == 3 && $0["text"]?.string == "请B002号到3号窗口" }
        #expect(bridge.lines.filter { $0["testbed"]?.string == "control" && $0["request"]?.string == "5f" }.count >= 2)
        _ = try await poll("the bus reconnected") {
            let status = try await JSONValue.get(api.appendingPathComponent("api/devices"))
            return status["display"]?["connected"]?.bool == true ? status : nil
        }
    }

    /// Polls `probe` every 100 ms for up to 20 s until it gives a value.
    private func poll<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        for _ in 0..<200 {
            if let value = try? await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LineCollector.Timeout(what: what)
    }
}
