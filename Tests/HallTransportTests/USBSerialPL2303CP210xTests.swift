import Foundation
import HallTransport
import Testing

/// The PL2303 HX and CP2102 set up through real libusb against hall-usb-testbed's emulation of
/// each chip (usb_serial.c), which decodes the requests on its own and loops data back. The
/// CP2102 passes no data before IFC_ENABLE, as the chip.
@Suite("USB-serial line setup under umockdev: PL2303 and CP210x")
struct USBSerialPL2303CP210xTests {
    static let pl2303 = "usb-serial-pl2303-067b-2303.umockdev"
    static let cp2102 = "usb-serial-cp2102-10c4-ea60.umockdev"

    @Test("PL2303 HX: the vendor startup sequence, pipes reset, line coding, no flow control, DTR/RTS — then data both ways")
    func pl2303HX() throws {
        let run = try USBSerialLineSetupTests.run(Self.pl2303, chip: "pl2303", ids: ("067b", "2303"), line: "115200/8N1")
        let open = try #require(run.steps("open").first, "\(run.stdout)\n\(run.stderr)")
        #expect(open.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(open.address == "usb-serial:067b:2303 (pl2303, 115200 8N1)")
        #expect(
            USBSerialLineSetupTests.controls(run) == [
                "01 8484 0000", "01 0404 0000", "01 8484 0000", "01 8383 0000", "01 8484 0000", "01 0404 0001",
                "01 8484 0000", "01 8383 0000", "01 0000 0001", "01 0001 0000", "01 0002 0044", "01 0008 0000",
                "01 0009 0000", "20 0000 0000", "01 0000 0000", "22 0003 0000",
            ])
        #expect(
            run.lines.filter { $0.testbed == "control" }.map(\.type)
                == ["c0", "40", "c0", "c0", "c0", "40", "c0", "c0", "40", "40", "40", "40", "40", "21", "40", "21"])
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.baud == 115200 && line.format == "8N1")
        #expect(run.lines.last { $0.testbed == "modem" }.map { $0.dtr == true && $0.rts == true } == true)
        #expect(run.steps("read").first?.data == "0248414c4c03")
        #expect(run.status == 0)
    }

    @Test("PL2303: even parity reaches the chip; a rate outside its standard list is refused before any request")
    func pl2303Lines() throws {
        let even = try USBSerialLineSetupTests.run(Self.pl2303, chip: "pl2303", ids: ("067b", "2303"), line: "9600/8E1", steps: [])
        #expect(even.steps("open").first?.ok == true, "\(even.stdout)\n\(even.stderr)")
        let line = try #require(even.lines.last { $0.testbed == "line" })
        #expect(line.baud == 9600 && line.format == "8E1")
        let odd = try USBSerialLineSetupTests.run(Self.pl2303, chip: "pl2303", ids: ("067b", "2303"), line: "10000/8N1", steps: [])
        #expect(odd.steps("open").first?.ok == false)
        #expect(odd.steps("open").first?.message?.contains("standard rates") == true)
        #expect(USBSerialLineSetupTests.controls(odd).isEmpty)
    }

    @Test("CP2102: IFC_ENABLE, baud rate, line control, DTR/RTS, each to the interface — then data both ways")
    func cp2102() throws {
        let run = try USBSerialLineSetupTests.run(Self.cp2102, chip: "cp210x", ids: ("10c4", "ea60"), line: "115200/8N1")
        let open = try #require(run.steps("open").first, "\(run.stdout)\n\(run.stderr)")
        #expect(open.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(open.address == "usb-serial:10c4:ea60 (cp210x, 115200 8N1)")
        #expect(USBSerialLineSetupTests.controls(run) == ["00 0001 0000", "1e 0000 0000", "03 0800 0000", "07 0303 0000"])
        #expect(run.lines.filter { $0.testbed == "control" }.allSatisfy { $0.type == "41" })
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.baud == 115200 && line.format == "8N1")
        #expect(run.lines.last { $0.testbed == "modem" }.map { $0.dtr == true && $0.rts == true } == true)
        #expect(run.steps("read").first?.data == "0248414c4c03", "data passes once the interface is enabled")
    }

    @Test("CP2102: 19200 8E2 coded in SET_LINE_CTL; 2 Mbaud refused before any request")
    func cp2102Lines() throws {
        let run = try USBSerialLineSetupTests.run(Self.cp2102, chip: "cp210x", ids: ("10c4", "ea60"), line: "19200/8E2", steps: [])
        #expect(run.steps("open").first?.ok == true, "\(run.stdout)\n\(run.stderr)")
        #expect(USBSerialLineSetupTests.controls(run).contains("03 0822 0000"))
        let line = try #require(run.lines.last { $0.testbed == "line" })
        #expect(line.baud == 19200 && line.format == "8E2")
        let fast = try USBSerialLineSetupTests.run(Self.cp2102, chip: "cp210x", ids: ("10c4", "ea60"), line: "2000000/8N1", steps: [])
        #expect(fast.steps("open").first?.ok == false)
        #expect(USBSerialLineSetupTests.controls(fast).isEmpty)
    }
}
