import Foundation
import HallTestSupport
import Testing

/// halld reads ID cards through a reader's CH340 driven by libusb, as on a hall PC whose reader has
/// no kernel driver: real halld under umockdev, hall-usb-testbed emulating the CH340 and relaying its
/// line to `hall-emulator idcard` on a pty. Unplugging the chip is reported at once by hotplug.
@Suite("ID card reader over a libusb USB-serial chip (halld under umockdev)", .serialized)
struct USBIDCardDaemonTests {
    static let fixtures = PackagePaths.url("Tests/HallTransportTests/Fixtures")
    static let syspath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"

    @Test("a ticket by card through libusb; unplugged: reported without a read, cards refused; replugged: read again")
    func daemonReadsCardsOverUSB() async throws {
        guard
            let wrapper = ["/usr/bin/umockdev-wrapper", "/usr/local/bin/umockdev-wrapper"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record("umockdev-wrapper is missing: apt-get install umockdev")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-usbidcard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let link = folder.appendingPathComponent("ttyIDCard").path
        let reader = Process()
        reader.executableURL = try DaemonProcess.binary("hall-emulator")
        reader.arguments = [
            "idcard", "--pty-link", link, "--cards", PackagePaths.url("Tests/HallIDCardTests/Fixtures/cards.json").path,
            "--place", "0", "--json",
        ]
        let readerIn = Pipe()
        reader.standardInput = readerIn
        reader.standardOutput = FileHandle.nullDevice
        reader.standardError = FileHandle.nullDevice
        try reader.run()
        defer { kill(reader.processIdentifier, SIGKILL); reader.waitUntilExit() }
        for _ in 0..<250 where !FileManager.default.fileExists(atPath: link) { try await Task.sleep(for: .milliseconds(20)) }

        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        let control = Pipe()
        try await daemon.start(
            environment: ["HALL_TESTBED_PLUG_FIRST": "1", "HALL_TESTBED_SECONDS": "180"],
            settings: DaemonProcess.noDevices + [
                #"hardware.scanners.transport="none""#,
                #"hardware.idCardReaders=[{"kiosk":true,"windows":[3],"transport":"usb","path":"","model":"sam-ch340"}]"#,
                #"devicesDirectory="\#(PackagePaths.url("devices").path)""#,
            ],
            launcher: [
                wrapper, try DaemonProcess.binary("hall-usb-testbed").path,
                Self.fixtures.appendingPathComponent("usb-serial-ch340-1a86-7523.umockdev").path, Self.syspath,
                "@serial:ch34x:\(link)", "--",
            ],
            input: control)
        defer { _ = daemon.terminate() }
        let api = daemon.baseURL

        let ticket = try await JSONValue.post(
            api.appendingPathComponent("api/idcard/tickets"), #"{"service":"social-insurance"}"#, token: DaemonProcess.kioskToken)
        #expect(ticket["ticket"]?["number"]?.string == "B001" && ticket["holder"]?.string == "韩*梅")
        let readers = try await JSONValue.get(api.appendingPathComponent("api/idcard/readers"))
        #expect(readers.array?.first?["address"]?.string == "usb-serial:1a86:7523 (ch34x, 115200 8N1)")

        // Pulled out: hotplug reports it without any read.
        control.fileHandleForWriting.write(Data(#"{"testbed":"unplug"}"#.utf8 + [0x0A]))
        _ = try await poll("the reader reported disconnected") {
            let list = try await JSONValue.get(api.appendingPathComponent("api/idcard/readers"))
            return list.array?.first?["connected"]?.bool == false ? list : nil
        }
        let health = try await JSONValue.get(api.appendingPathComponent("healthz"))
        #expect(health["devices"]?.array?.first { $0["name"]?.string == "idcard-reader-kiosk+window-3" }?["ok"]?.bool == false)
        let refused = try await HTTP.post(
            api.appendingPathComponent("api/idcard/tickets"), json: #"{"service":"civil-affairs","wait":0}"#,
            token: DaemonProcess.kioskToken)
        #expect(refused.status == 503 && String(decoding: refused.body, as: UTF8.self).contains("idcard_reader_disconnected"))

        // Plugged back in: the next read opens it again and sets the line up.
        control.fileHandleForWriting.write(Data(#"{"testbed":"plug"}"#.utf8 + [0x0A]))
        readerIn.fileHandleForWriting.write(Data("place 1\n".utf8))
        let again = try await poll("a card read after the replug") {
            try await JSONValue.post(
                api.appendingPathComponent("api/idcard/tickets"), #"{"service":"civil-affairs","wait":1}"#,
                token: DaemonProcess.kioskToken)
        }
        #expect(again["ticket"]?["number"]?.string == "C001" && again["holder"]?.string == "李*")
    }

    /// Polls `probe` every 200 ms for up to 20 s until it gives a value.
    private func poll<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        for _ in 0..<100 {
            if let value = try? await probe() { return value }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw LineCollector.Timeout(what: what)
    }
}
