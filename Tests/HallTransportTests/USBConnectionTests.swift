import Foundation
import HallTransport
import Testing

/// USBConnection through libusb against umockdev-emulated USB printers (real libusb, real
/// usbdevfs ioctls answered by umockdev scripts). See Support/EmulatedUSB.swift.
@Suite("USB connection under umockdev")
struct USBConnectionTests {
    @Test("finds the class-7 printer, writes ESC/POS and reads DLE EOT status replies")
    func writesAndReadsStatus() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer, ioctl: "printer-status.ioctl",
            ["run", "open", "write:1b4048616c6c0a", "write:100401", "read:1", "write:100404", "read:1"])
        let open = try #require(run.steps("open").first, "no output: \(run.stderr)")
        #expect(open.ok == true)
        #expect(open.vendor == "0416" && open.product == "5011")
        #expect(run.steps("write").map(\.ok) == [true, true, true])
        // DLE EOT 1 → 0x16 (online), DLE EOT 4 → 0x72 (paper end), as scripted.
        #expect(run.steps("read").map(\.data) == ["16", "72"])
        #expect(run.status == 0)
    }

    @Test("a short bulk OUT is continued until every byte is written")
    func writeLoopsOverShortTransfers() throws {
        // The script accepts 4 of the 7 bytes, then a separate 3-byte URB with the rest.
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer, ioctl: "printer-status.ioctl",
            ["run", "open", "write:1b4048616c6c0a"], environment: ["UMOCKDEV_DEBUG": "ioctl"])
        #expect(run.steps("write").first?.ok == true)
        let submits = run.stderr.split(separator: "\n")
            .filter { $0.contains("request 8038550A: emulated, result 0") }
        #expect(submits.count == 2, "expected two bulk OUT URBs, saw \(submits.count)")
    }

    @Test("opens by vendor/product id a device that has no printer-class interface")
    func opensByIDs() throws {
        let byIDs = try EmulatedUSB.probe(
            device: "serial-1a86-7523.umockdev",
            ["--vid", "1a86", "--pid", "7523", "run", "open"])
        #expect(byIDs.steps("open").first?.ok == true)
        #expect(byIDs.steps("open").first?.device == "1a86:7523 at 001/002")

        let byClass = try EmulatedUSB.probe(device: "serial-1a86-7523.umockdev", ["run", "open"])
        #expect(byClass.steps("open").first?.error == "notFound")
    }

    @Test("profile ids that are not on the bus fall back to the printer class")
    func fallsBackToClass() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer,
            ["--vid", "04b8", "--pid", "0202", "run", "open"])
        #expect(run.steps("open").first?.ok == true)
        #expect(run.steps("open").first?.vendor == "0416")

        let strict = try EmulatedUSB.probe(
            device: EmulatedUSB.printer,
            ["--vid", "04b8", "--pid", "0202", "--no-class", "run", "open"])
        #expect(strict.steps("open").first?.error == "notFound")
    }

    @Test("no device on the bus: open throws notFound, I/O before open throws disconnected")
    func noDevice() throws {
        let run = try EmulatedUSB.probe(device: nil, ["run", "open", "write:1b40"])
        #expect(run.steps("open").first?.error == "notFound")
        #expect(run.steps("write").first?.error == "disconnected")
        #expect(run.status == 1)
    }

    @Test("a device that vanishes mid-transfer (URB status -ENODEV) maps to disconnected and stays lost")
    func unplugDuringTransfer() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer, ioctl: "printer-unplugged.ioctl",
            ["run", "open", "write:1b40", "write:100401", "write:1b40", "read:1"])
        #expect(run.steps("write").map(\.ok) == [true, false, false])
        #expect(run.steps("write").dropFirst().map(\.error) == ["disconnected", "disconnected"])
        #expect(run.steps("write")[1].message?.contains("LIBUSB_ERROR_NO_DEVICE") == true)
        #expect(run.steps("read").first?.error == "disconnected")
    }

    @Test("a stalled endpoint maps to an I/O error naming LIBUSB_ERROR_PIPE")
    func stall() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer, ioctl: "printer-stall.ioctl",
            ["run", "open", "write:1b40"])
        let write = try #require(run.steps("write").first)
        #expect(write.error == "io")
        #expect(write.message?.contains("LIBUSB_ERROR_PIPE") == true)
    }

    @Test("bytes the device does not expect fail as an I/O error (no silent success)")
    func unexpectedBytes() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer, ioctl: "printer-status.ioctl",
            ["run", "open", "write:1b41"])
        #expect(run.steps("write").first?.error == "io")
    }

    @Test("unplug and replug: reopening finds nothing while unplugged, then works again")
    func unplugThenReopen() throws {
        let run = try EmulatedUSB.probeWithTestbed(
            ioctl: "printer-status.ioctl",
            [
                "--wait", "10000", "run", "monitor", "plug", "await:arrived", "open", "write:100401", "read:1",
                "unplug", "await:left", "close", "open", "plug", "await:arrived", "open", "write:100401", "read:1",
            ])
        #expect(run.steps("await").map(\.ok) == [true, true, true], "\(run.stdout)\n\(run.stderr)")
        let opens = run.steps("open")
        #expect(opens.map(\.ok) == [true, false, true])
        #expect(opens[1].error == "notFound")
        #expect(run.steps("write").map(\.ok) == [true, true], "\(run.stdout)")
        #expect(run.steps("read").map(\.data) == ["16", "16"])
    }

    @Test("a printer that never completes a transfer: write times out, read returns nothing")
    func silentPrinterTimesOut() throws {
        // libusb cancels the URB at the timeout (DISCARDURB); the testbed then reaps it.
        let run = try EmulatedUSB.probeWithTestbed(
            ioctl: EmulatedUSB.silentPrinter,
            [
                "--timeout", "300", "--wait", "10000", "run", "monitor", "plug", "await:arrived",
                "open", "write:1b40", "read:1", "write:1b40",
            ])
        #expect(run.steps("open").first?.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(run.steps("write").map(\.error) == ["timeout", "timeout"])
        #expect(run.steps("read").first?.ok == true)
        #expect(run.steps("read").first?.data == "")
    }
}
