import Foundation
import HallDisplay
import HallTestSupport
import Testing

@Suite("display profiles")
struct DisplayCatalogTests {
    static let directory = PackagePaths.url("devices/displays")

    @Test func repositoryProfilesLoadAndNameKnownProtocols() throws {
        let catalog = try DisplayCatalog.load(directory: Self.directory)
        #expect(Set(catalog.profiles.map(\.id)) == ["hall-generic", "modbus-rtu-style", "ascii-line-strip"])
        for profile in catalog.profiles {
            let wire = try profile.wireProtocol()
            #expect(wire.id == profile.protocol)
            #expect(profile.notes?.isEmpty == false)
        }
        let modbus = try #require(catalog.profile(id: "modbus-rtu-style"))
        #expect(modbus.serial.description == "9600 8E1")
        #expect(modbus.encoding == .gb2312)
        #expect(catalog.profile(id: "ascii-line-strip")?.ackExpected == false)
    }

    @Test func unknownProtocolIsABadProfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var profile = DisplayProfile.generic
        profile.protocol = "acme-secret"
        try JSONEncoder().encode(profile).write(to: dir.appendingPathComponent("x.json"))
        #expect(throws: DisplayError.self) { try DisplayCatalog.load(directory: dir) }
    }
}
