import Foundation
import HallTestSupport
import Testing

/// A reader behind a CH340 with no kernel driver, read through libusb: `hallctl idcard read --usb`
/// (a home visit's identity check on a laptop) under umockdev, hall-usb-testbed emulating the
/// CH340 and relaying its line to `hall-emulator idcard` on a pty.
@Suite("ID card reader over a libusb USB-serial chip (umockdev)", .serialized)
struct ReaderOverUSBTests {
    /// A USB-serial chip the testbed emulates: its umockdev fixture, testbed name, ids and hallctl's --chip.
    struct Chip: Sendable, CustomStringConvertible {
        let fixture: String
        let testbed: String
        let usb: String
        let chip: String
        var description: String { chip }

        static let ch340 = Chip(fixture: "usb-serial-ch340-1a86-7523.umockdev", testbed: "ch34x", usb: "1a86:7523", chip: "ch34x")
        static let pl2303 = Chip(fixture: "usb-serial-pl2303-067b-2303.umockdev", testbed: "pl2303", usb: "067b:2303", chip: "pl2303")
        static let cp2102 = Chip(fixture: "usb-serial-cp2102-10c4-ea60.umockdev", testbed: "cp210x", usb: "10c4:ea60", chip: "cp210x")

        var path: String { PackagePaths.url("Tests/HallTransportTests/Fixtures/\(fixture)").path }
    }

    static let syspath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
    static let cards = PackagePaths.url("Tests/HallIDCardTests/Fixtures/cards.json").path

    /// The emulator on a pty in a fresh folder, and the command that runs hallctl under the testbed.
    struct Rig {
        let folder: URL
        let emulator: ChildProcess
        let launcher: [String]
        let chip: Chip

        init(place: Int?, chip: Chip = .ch340) throws {
            self.chip = chip
            let wrapper = try #require(ChildProcess.umockdevWrapper, "umockdev-wrapper is missing: apt-get install umockdev")
            let testbed = try #require(ChildProcess.built("hall-usb-testbed"), "hall-usb-testbed was not built")
            let emulatorPath = try #require(ChildProcess.built("hall-emulator"), "hall-emulator was not built")
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-idcard-usb-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let link = folder.appendingPathComponent("ttyIDCard").path
            let placed = place.map { ["--place", "\($0)"] } ?? []
            emulator = try ChildProcess(
                emulatorPath, ["idcard", "--pty-link", link, "--cards", ReaderOverUSBTests.cards, "--json"] + placed)
            _ = emulator.wait(for: "ready")
            launcher = [testbed, chip.path, ReaderOverUSBTests.syspath, "@serial:\(chip.testbed):\(link)", "--"]
            _ = wrapper
        }

        func hallctl(_ arguments: [String]) throws -> ChildProcess {
            let wrapper = try #require(ChildProcess.umockdevWrapper)
            let hallctl = try #require(ChildProcess.built("hallctl"), "hallctl was not built")
            return try ChildProcess(
                wrapper, launcher + [hallctl, "idcard", "read", "--usb", chip.usb, "--chip", chip.chip] + arguments,
                environment: ["HALL_TESTBED_PLUG_FIRST": "1", "HALL_TESTBED_SECONDS": "60"])
        }

        func remove() {
            emulator.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test("the chip is set to 115200 8N1 and the card is read through libusb", arguments: [Chip.ch340, .pl2303, .cp2102])
    func readsThroughLibusb(chip: Chip) throws {
        let rig = try Rig(place: 0, chip: chip)
        defer { rig.remove() }
        let run = try rig.hallctl(["--json", "--full", "--wait", "2"])
        let status = run.waitForExit(seconds: 60)
        #expect(status == 0, "\(run.lines)\n\(run.standardError)")
        let card = try #require(run.lines.first { $0.contains("\"idNumber\"") }, "\(run.lines)")
        #expect(card.contains("\"name\":\"韩梅梅\"") && card.contains("\"idNumber\":\"150626199005170026\""))
        #expect(card.contains("\"checkDigitValid\":true"))
        let line = try #require(run.lines.last { $0.contains("\"testbed\":\"line\"") })
        #expect(line.contains("\"format\":\"8N1\""))
        let baud = line.split(separator: ",").first { $0.contains("\"baud\"") }.flatMap { Double($0.split(separator: ":").last ?? "") } ?? 0
        #expect(abs(baud - 115_200) / 115_200 < 0.02, "the chip runs at \(baud) baud")
        #expect(line.contains("\"chip\":\"\(chip.testbed)\""), "\(line)")
        #expect(rig.emulator.lines.contains { $0.contains("\"command\":\"30 01\"") && $0.contains("\"status\":\"90\"") })
    }

    @Test("no card: a clear message and exit status 2; a foreigner's card: said clearly")
    func refusals() throws {
        let rig = try Rig(place: nil)
        defer { rig.remove() }
        let empty = try rig.hallctl(["--wait", "0"])
        #expect(empty.waitForExit(seconds: 60) == 2)
        #expect(empty.standardError.contains("未检测到身份证"), "\(empty.standardError)")

        rig.emulator.send("place 3")
        let foreign = try rig.hallctl(["--wait", "0"])
        #expect(foreign.waitForExit(seconds: 60) == 2)
        #expect(foreign.standardError.contains("外国人永久居留身份证"), "\(foreign.standardError)")
    }

    @Test("through the CH340: a card removed mid-read, damaged answers, a silent reader — each said clearly")
    func faults() throws {
        let rig = try Rig(place: 0)
        defer { rig.remove() }
        for (fault, words) in [("card-removed 1", "证件被移开"), ("bad-checksum", "校验失败"), ("timeout", "没有应答")] {
            rig.emulator.send("place 0")
            rig.emulator.send("fault \(fault)")
            usleep(200_000)  // the emulator reads its standard input on its own thread
            let run = try rig.hallctl(["--wait", "0"])
            #expect(run.waitForExit(seconds: 60) == 2, "\(fault): \(run.lines)")
            #expect(run.standardError.contains(words), "\(fault): \(run.standardError)")
            rig.emulator.send("fault none")
        }
        rig.emulator.send("place 1")
        usleep(200_000)
        let ok = try rig.hallctl(["--wait", "0", "--json"])
        #expect(ok.waitForExit(seconds: 60) == 0)
        #expect(ok.lines.contains { $0.contains("\"name\":\"李雷\"") }, "read again once the faults are off")
    }

    @Test("unplugged while waiting for a card: the reader is reported disconnected")
    func unpluggedWhileWaiting() throws {
        let rig = try Rig(place: nil)
        defer { rig.remove() }
        let run = try rig.hallctl(["--wait", "20"])
        // hallctl is asking for a card every 250 ms; pull the chip.
        #expect(rig.emulator.wait(for: "\"command\":\"20 01\"") != nil, "hallctl asked the reader through the CH340")
        run.send(#"{"testbed":"unplug"}"#)
        #expect(run.waitForExit(seconds: 30) == 2)
        #expect(run.standardError.contains("身份证阅读器已断开"), "\(run.standardError)")
    }
}
