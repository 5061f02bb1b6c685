import Foundation
import HallCore
import HallTestSupport
import Testing

@testable import HallServer

/// `center.languages`: the catalogs a bilingual hall starts with, and the halls that may not start.
@Suite("Residents' languages in the configuration")
struct ResidentLanguagesConfigurationTests {
    private func load(_ json: String) throws -> HallConfiguration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("halld-\(UUID()).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ConfigurationLoader.load(file: file.path, environment: [:], overrides: [])
    }

    /// The wording of a hall started with `c`'s center and data directory (on a fresh database).
    private func wording(_ c: HallConfiguration) throws -> ResidentWording {
        let (server, folder) = try makeServer {
            $0.center = c.center
            $0.dataDirectory = c.dataDirectory
        }
        try? FileManager.default.removeItem(at: folder)
        return server.wording.wording
    }

    @Test("a bilingual hall prints the Mongolian catalog's lines first, with the center's Mongolian name")
    func bilingualHall() throws {
        let data = PackagePaths.url("data").path
        let c = try load(#"{"dataDirectory":"\#(data)","center":{"languages":["mn","zh"],"mongolianName":"ᠤᠯᠠᠭᠠᠨ"}}"#)
        let second = try #require(try wording(c).ticketSecondScript(mongolianName: c.center.mongolianName))
        #expect(second.first)
        #expect(second.centerName == "ᠤᠯᠠᠭᠠᠨ")
        #expect(second.wording.yourNumber.unicodeScalars.contains { (0x1800...0x18AF).contains($0.value) })
        let chineseFirst = try load(#"{"dataDirectory":"\#(data)","center":{"languages":["zh","mn"]}}"#)
        #expect(try wording(chineseFirst).ticketSecondScript(mongolianName: "")?.first == false)
    }

    @Test("the default hall is Chinese only and reads no catalog file")
    func chineseOnly() throws {
        var c = HallConfiguration.demo
        c.dataDirectory = "/nonexistent"
        #expect(c.center.languages == ["zh"])
        #expect(try wording(c).ticketSecondScript(mongolianName: "") == nil)
    }

    @Test("a language list without Chinese, or an incomplete catalog, stops the hall at start")
    func refusals() throws {
        #expect(throws: ConfigurationError.self) { try load(#"{"center":{"languages":["mn"]}}"#) }
        #expect(throws: ConfigurationError.self) { try load(#"{"center":{"languages":["zh","en"]}}"#) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-i18n-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackagePaths.url("data/i18n/zh.json"), to: folder.appendingPathComponent("i18n/zh.json"))
        try #"{"ticket.yourNumber":{"text":"ᠳ᠋ᠤᠭᠠᠷ","reviewed":false}}"#.write(
            to: folder.appendingPathComponent("i18n/mn.json"), atomically: true, encoding: .utf8)
        let c = try load(#"{"dataDirectory":"\#(folder.path)","center":{"languages":["mn","zh"]}}"#)
        #expect(throws: ConfigurationError.self) { try ResidentCatalogs(configuration: c) }
    }
}
