import Foundation
import HallTransport
import Testing

/// `USBSerialConnection` through real libusb against emulated USB-serial bridges: hall-usb-testbed
/// (usb_serial.c) answers the control transfers like a CH340, an FT232R or a CDC-ACM device,
/// decodes the line settings it was given on its own, and loops bulk OUT back to bulk IN.
@Suite("USB-serial line setup under umockdev")
struct USBSerialLineSetupTests {
    static let ch340 = "usb-serial-ch340-1a86-7523.umockdev"
    static let ft232r = "usb-serial-ft232r-0403-6001.umockdev"
    static let cdcACM = "usb-serial-cdc-acm-0483-5740.umockdev"

    /// Plugs the bridge, opens it with `line`, writes bytes and reads them back.
    static func run(
        _ fixture: String, chip: String, bridge: String? = nil, ids: (String, String),
        line: String, steps: [String] = ["write:0248414c4c03", "read:6"]
    ) throws -> ProcessRun {
        try EmulatedUSB.probeWithTestbed(
            device: fixture, ioctl: "@serial:\(bridge ?? chip)",
            [
                "--vid", ids.0, "--pid", ids.1, "--no-class", "--serial", chip, "--line", line, "--timeout", "2000",
                "run", "plug", "await:present", "open",
            ] + steps)
    }

    static func controls(_ run: ProcessRun) -> [String] {
        run.lines.filter { $0.testbed == "control" }.map { "\($0.request!) \($0.value!) \($0.index!)" }
    }

    @Test("CH340: version, init, divisor/prescaler, line control, DTR/RTS, no flow control — then data both ways")
    func ch340() throws {
        let run = try Self.run(Self.ch340, chip: "ch34x", ids: ("1a86", "7523"), line: "9600/8N1")
        let open = try #require(run.steps("open").first, "\(run.stdout)\n\(run.stderr)")
        #expect(open.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(open.address == "usb-serial:1a86:7523 (ch34x, 9600 8N1)")
        #expect(
            Self.controls(run) == [
                "5f 0000 0000", "a1 0000 0000", "9a 1312 b282", "9a 2518 00c3", "a4 ff9f 0000",
                "9a 2727 0000",
            ])
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.format == "8N1")
        #expect(abs(Double(line.baud ?? 0) - 9600) / 9600 < 0.005, "the chip runs at \(line.baud ?? 0) baud")
        #expect(run.lines.last { $0.testbed == "modem" }.map { $0.dtr == true && $0.rts == true } == true)
        #expect(run.steps("write").first?.ok == true)
        #expect(run.steps("read").first?.data == "0248414c4c03")
        #expect(run.status == 0)
    }

    @Test("CH340 with even parity (the Modbus-style profile's 19200 8E1)")
    func ch340EvenParity() throws {
        let run = try Self.run(Self.ch340, chip: "ch34x", ids: ("1a86", "7523"), line: "19200/8E1", steps: [])
        #expect(run.steps("open").first?.ok == true, "\(run.stdout)\n\(run.stderr)")
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.format == "8E1")
        #expect(abs(Double(line.baud ?? 0) - 19200) / 19200 < 0.005)
    }

    @Test("an old CH340 (version 0x27) keeps 8N1: 8E1 is refused at open, 8N1 works")
    func ch340OldVersion() throws {
        let refused = try Self.run(
            Self.ch340, chip: "ch34x", bridge: "ch34x-v27", ids: ("1a86", "7523"),
            line: "9600/8E1", steps: [])
        #expect(refused.steps("open").first?.ok == false)
        #expect(refused.steps("open").first?.message?.contains("keeps 8N1") == true)
        let accepted = try Self.run(Self.ch340, chip: "ch34x", bridge: "ch34x-v27", ids: ("1a86", "7523"), line: "9600/8N1")
        #expect(accepted.steps("open").first?.ok == true)
        // No short-packet bit and no line control write for this version.
        #expect(Self.controls(accepted).contains("9a 1312 b202"))
        #expect(!Self.controls(accepted).contains { $0.hasPrefix("9a 2518") })
        #expect(accepted.steps("read").first?.data == "0248414c4c03")
    }

    @Test("FT232R: reset, data, divisor, flow, modem, latency — status bytes stripped from what is read")
    func ft232r() throws {
        let run = try Self.run(
            Self.ft232r, chip: "ftdi", ids: ("0403", "6001"), line: "9600/8N1",
            steps: ["read:4", "write:0248414c4c03", "read:6"])
        #expect(run.steps("open").first?.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(
            Self.controls(run) == [
                "00 0000 0000", "04 0008 0000", "03 4138 0000", "02 0000 0000", "01 0303 0000",
                "09 0002 0000",
            ])
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.baud == 9600 && line.format == "8N1")
        // Nothing sent yet: only status packets arrive, and they are not data.
        #expect(run.steps("read").map(\.data) == ["", "0248414c4c03"])
    }

    @Test("CDC-ACM: SET_LINE_CODING and SET_CONTROL_LINE_STATE to the communications interface, data on the data interface")
    func cdcACM() throws {
        let run = try Self.run(Self.cdcACM, chip: "cdc-acm", ids: ("0483", "5740"), line: "115200/8N1")
        #expect(run.steps("open").first?.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(Self.controls(run) == ["20 0000 0000", "22 0003 0000"])
        #expect(run.lines.filter { $0.testbed == "control" }.map(\.type) == ["21", "21"])
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.baud == 115200 && line.format == "8N1")
        #expect(run.steps("read").first?.data == "0248414c4c03")
    }

    @Test("a rate the chip cannot make is refused before any control transfer")
    func impossibleRate() throws {
        let run = try Self.run(Self.ch340, chip: "ch34x", ids: ("1a86", "7523"), line: "10/8N1", steps: [])
        #expect(run.steps("open").first?.ok == false)
        #expect(run.steps("open").first?.error == "io")
        #expect(Self.controls(run).isEmpty)
    }

    @Test("unplugged while open: I/O says disconnected, and open() after the replug sets the line up again")
    func replug() throws {
        let run = try Self.run(
            Self.ch340, chip: "ch34x", ids: ("1a86", "7523"), line: "9600/8N1",
            steps: [
                "write:01", "read:1", "unplug", "await:absent", "write:02", "close", "open", "plug", "await:present",
                "open", "write:03", "read:1",
            ])
        let writes = run.steps("write")
        #expect(writes.map(\.ok) == [true, false, true], "\(run.stdout)\n\(run.stderr)")
        #expect(writes[1].error == "disconnected")
        #expect(run.steps("open").map(\.ok) == [true, false, true])
        #expect(run.steps("read").map(\.data) == ["01", "03"])
        #expect(Self.controls(run).filter { $0.hasPrefix("5f") }.count == 2, "line setup again after the replug")
    }
}
