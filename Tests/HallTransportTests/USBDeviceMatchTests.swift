import HallTransport
import Testing

@Suite("USB device match")
struct USBDeviceMatchTests {
    let printer = USBDeviceInfo(
        vendorID: 0x0416, productID: 0x5011, busNumber: 1, address: 2,
        interfaceClasses: [7])
    let ch340 = USBDeviceInfo(
        vendorID: 0x1A86, productID: 0x7523, busNumber: 1, address: 3,
        interfaceClasses: [0xFF])

    @Test("ids match first; the printer class is the fallback")
    func satisfies() {
        #expect(printer.satisfies(.anyPrinter))
        #expect(!ch340.satisfies(.anyPrinter))
        #expect(ch340.satisfies(USBDeviceMatch(vendorID: 0x1A86, productID: 0x7523)))
        #expect(ch340.satisfies(USBDeviceMatch(vendorID: 0x1A86)))
        #expect(!ch340.satisfies(USBDeviceMatch(vendorID: 0x1A86, productID: 0x5523)))
        #expect(!printer.satisfies(USBDeviceMatch(vendorID: 0x04B8, interfaceClass: nil)))
    }

    @Test("addresses read like lsusb ids")
    func descriptions() {
        #expect(USBDeviceMatch(vendorID: 0x0416, productID: 0x5011, interfaceClass: nil).description == "usb:0416:5011")
        #expect(USBDeviceMatch(vendorID: 0x04B8).description == "usb:04b8:*|class7")
        #expect(USBDeviceMatch.anyPrinter.description == "usb:class7")
        #expect(printer.description == "0416:5011 at 001/002")
    }
}
