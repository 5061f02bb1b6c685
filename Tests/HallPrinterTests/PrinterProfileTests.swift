import Foundation
import HallPrinter
import HallTransport
import Testing

@Suite struct PrinterProfileTests {
    @Test func loadsTheRepositoryProfiles() throws {
        let catalog = try PrinterProfileCatalog(directory: Fixtures.profileDirectory)
        let ids = Set(catalog.profiles.map(\.id))
        #expect(ids.isSuperset(of: ["generic-80mm", "generic-58mm", "epson-tm-t88vi", "winbond-pos58"]))
        for p in catalog.profiles {
            #expect([58, 80].contains(p.paperWidthMillimetres), "\(p.id)")
            #expect(p.charactersPerLine * 12 <= p.printableDots, "\(p.id): 12-dot font A must fit")
            #expect(p.source?.isEmpty == false, "\(p.id) must say where its numbers come from")
        }
        let g58 = try #require(catalog.profile(id: "generic-58mm"))
        #expect(g58.charactersPerLine == 32 && g58.printableDots == 384 && g58.cutter == .none)
    }

    @Test func matchesByUSBIdAndFallsBackToGeneric80() throws {
        let catalog = try PrinterProfileCatalog(directory: Fixtures.profileDirectory)
        #expect(catalog.profile(matching: USBDeviceID(vendorID: 0x04B8, productID: 0x0202)).id == "epson-tm-t88vi")
        #expect(catalog.profile(matching: USBDeviceID("04b8:0e21")).id == "epson-tm-t88vi")
        #expect(catalog.profile(matching: USBDeviceID("0416:5011")).id == "winbond-pos58")
        #expect(catalog.profile(matching: USBDeviceID("1234:5678")).id == "generic-80mm")
        #expect(catalog.profile(matching: nil).id == "generic-80mm")
        #expect(catalog.fallback.charactersPerLine == 48)
    }

    @Test func usbIdsParseAndPrintLikeLsusb() throws {
        #expect(USBDeviceID("04b8:0202") == USBDeviceID(vendorID: 0x04B8, productID: 0x0202))
        #expect(USBDeviceID(vendorID: 0x416, productID: 0x5011).description == "0416:5011")
        #expect(USBDeviceID("4b8:202") == nil)
        #expect(USBDeviceID("zzzz:0202") == nil)
        let data = try JSONEncoder().encode(USBDeviceID(vendorID: 1, productID: 2))
        #expect(String(decoding: data, as: UTF8.self) == "\"0001:0002\"")
    }

    @Test func emptyDirectoryFallsBackToBuiltInProfile() throws {
        let dir = Fixtures.temporaryDirectory("empty")
        let catalog = try PrinterProfileCatalog(directory: dir)
        #expect(catalog.profiles.isEmpty)
        #expect(catalog.fallback == .generic80mm)
    }

    @Test func invalidAndDuplicateProfilesAreReported() throws {
        let dir = Fixtures.temporaryDirectory("invalid")
        try Data(#"{"id": "x"}"#.utf8).write(to: dir.appendingPathComponent("bad.json"))
        #expect(throws: PrinterProfileError.self) { try PrinterProfileCatalog(directory: dir) }

        let dup = Fixtures.temporaryDirectory("dup")
        let source = Fixtures.profileDirectory.appendingPathComponent("generic-80mm.json")
        try FileManager.default.copyItem(at: source, to: dup.appendingPathComponent("a.json"))
        try FileManager.default.copyItem(at: source, to: dup.appendingPathComponent("b.json"))
        #expect(throws: PrinterProfileError.duplicateID("generic-80mm")) { try PrinterProfileCatalog(directory: dup) }

        #expect(throws: PrinterProfileError.self) {
            try PrinterProfileCatalog(directory: URL(fileURLWithPath: "/nonexistent/printers"))
        }
    }
}
