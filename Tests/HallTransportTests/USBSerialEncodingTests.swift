import Foundation
import HallTestSupport
import HallTransport
import Testing

/// The register values each chip family is sent, against the values Linux's drivers (and the
/// chips' older fixed tables) use for common rates.
@Suite("USB-serial line encodings")
struct USBSerialEncodingTests {
    @Test("CH34x divisor words of common rates")
    func ch34xDivisors() {
        #expect(CH34xChip.divisorWord(baudRate: 9600) == 0xB202)
        #expect(CH34xChip.divisorWord(baudRate: 19200) == 0xD902)
        #expect(CH34xChip.divisorWord(baudRate: 115200) == 0xCC03)
        for rate in [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] {
            let actual = CH34xChip.baudRate(ofDivisorWord: CH34xChip.divisorWord(baudRate: rate))
            #expect(abs(actual - Double(rate)) / Double(rate) < 0.005, "\(rate) runs at \(actual)")
        }
    }

    @Test("CH34x line control register")
    func ch34xLineControl() {
        #expect(CH34xChip.lineControl(SerialSettings()) == 0xC3)
        #expect(CH34xChip.lineControl(SerialSettings(parity: .even)) == 0xDB)
        #expect(CH34xChip.lineControl(SerialSettings(dataBits: 7, parity: .odd, stopBits: 2)) == 0xCE)
    }

    @Test("FTDI divisors of common rates (FT232R coding)")
    func ftdiDivisors() {
        #expect(FTDIChip.divisor(baudRate: 9600) == 0x4138)
        #expect(FTDIChip.divisor(baudRate: 19200) == 0x809C)
        #expect(FTDIChip.divisor(baudRate: 38400) == 0xC04E)
        #expect(FTDIChip.divisor(baudRate: 115200) == 0x001A)
        #expect(FTDIChip.divisor(baudRate: 3_000_000) == 0)
        #expect(FTDIChip.divisor(baudRate: 2_000_000) == 1)
        #expect(FTDIChip.dataCharacteristics(SerialSettings(parity: .even)) == 0x0208)
        #expect(FTDIChip.dataCharacteristics(SerialSettings(dataBits: 7, stopBits: 2)) == 0x1007)
    }

    @Test("FTDI bulk IN packets lose their two status bytes")
    func ftdiPayload() {
        let chip = FTDIChip()
        #expect(chip.payload(ofBulkIn: [0x01, 0x60], maxPacketSize: 64) == [])
        let first = [UInt8(0x01), 0x60] + [UInt8](repeating: 0xAA, count: 62)
        let second: [UInt8] = [0x01, 0x60, 0x02, 0x03]
        #expect(
            chip.payload(ofBulkIn: first + second, maxPacketSize: 64)
                == [UInt8](repeating: 0xAA, count: 62) + [0x02, 0x03])
    }

    @Test("CDC line coding structure")
    func cdcLineCoding() {
        #expect(CDCACMChip.lineCoding(SerialSettings(baudRate: 9600, parity: .even)) == [0x80, 0x25, 0, 0, 0, 2, 8])
        #expect(CDCACMChip.lineCoding(SerialSettings(baudRate: 115200, dataBits: 7, stopBits: 2)) == [0x00, 0xC2, 0x01, 0, 2, 0, 7])
    }

    @Test("rates and formats a chip cannot produce are refused")
    func refusals() {
        #expect(throws: TransportError.self) { try CH34xChip().validate(SerialSettings(baudRate: 10)) }
        #expect(throws: TransportError.self) { try FTDIChip().validate(SerialSettings(dataBits: 5)) }
        #expect(throws: TransportError.self) { try CDCACMChip().validate(SerialSettings(stopBits: 3)) }
    }

    @Test("the adapters in devices/usb-serial load, with ids and chips")
    func adapterCatalog() throws {
        let catalog = try USBSerialAdapterCatalog.load(directory: PackagePaths.url("devices/usb-serial"))
        #expect(catalog.adapter(vendor: 0x1a86, product: 0x7523)?.chip == .ch34x)
        #expect(catalog.adapter(vendor: 0x0403, product: 0x6001)?.chip == .ftdi)
        #expect(catalog.adapter(named: "0483:5740")?.chip == .cdcACM)
        #expect(catalog.adapter(named: "ch34x")?.id == "ch34x")
        #expect(catalog.adapter(vendor: 0x0416, product: 0x5011) == nil)
        #expect(catalog.adapter(named: "0483:5740")?.match(vendor: 0x0483, product: 0x5740).interfaceClass == 0x0A)
    }
}
