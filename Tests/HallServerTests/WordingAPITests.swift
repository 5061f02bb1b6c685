import Foundation
import HallCore
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HallServer

/// A bilingual hall's wording: what the pages are told (`/assets/hall-config.js`), and the head's
/// corrections of the Mongolian drafts, stored in SQLite over the shipped catalog and exported
/// back as a catalog file.
@Suite("Residents' wording and the head's corrections")
struct WordingAPITests {
    static let welcome = "page.kiosk.welcome"
    /// A correction in traditional script (tabtai morilagtun).
    static let corrected = "ᠲᠠᠪᠲᠠᠢ ᠮᠣᠷᠢᠯᠠᠭᠲᠤᠨ"

    static func bilingual(_ c: inout HallConfiguration) {
        c.dataDirectory = PackagePaths.url("data").path
        c.center.languages = ["mn", "zh"]
        c.center.mongolianName = "ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ"
        c.services[0].mongolianName = "ᠬᠠᠮᠤᠭ"
    }

    @Test("hall-config.js of a bilingual hall carries the page wording and Mongolian names; a Chinese-only one does not")
    func configScript() async throws {
        let (server, folder) = try makeServer(Self.bilingual)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = server.pages.config
        #expect(config.languages == ["mn", "zh"])
        #expect(config.messages?["mn"]?[Self.welcome]?.unicodeScalars.first.map { (0x1800...0x18AF).contains($0.value) } == true)
        #expect(config.messages?["zh"]?[Self.welcome] == "欢迎您！")
        #expect(config.messages?["mn"]?.keys.contains("ticket.yourNumber") == false, "pages get page keys only")
        #expect(config.mongolianCenter == "ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ")
        #expect(config.mongolianServices?[server.configuration.services[0].id] == "ᠬᠠᠮᠤᠭ")

        let (plain, plainFolder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: plainFolder) }
        let script = PagesFeature.script(plain.pages.config)
        #expect(script.contains(#""languages":["zh"]"#))
        #expect(!script.contains("messages") && !script.contains("mongolian"), "\(script)")
        try await plain.makeApplication(port: 0).test(.live) { client in
            let (status, body) = try await client.send(.get, "/assets/fonts/mongolian.ttf")
            #expect(status == .ok, "the font is served (fonts-noto-core): \(body.prefix(80))")
        }
    }

    @Test("the head corrects a Mongolian string: pages and tickets use it, it survives a restart, it exports, it can be undone")
    func correct() async throws {
        let (server, folder) = try makeServer(Self.bilingual)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "/api/wording/mn/\(Self.welcome)"
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            let head = try await client.staffToken("head1", roles: [.head])
            // A clerk may not; the text must be Mongolian script with the same placeholders.
            #expect(try await client.send(.put, path, #"{"text":"\#(Self.corrected)","reviewed":true}"#, token: clerk).0 == .forbidden)
            let (chinese, chineseBody) = try await client.send(.put, path, #"{"text":"欢迎","reviewed":true}"#, token: head)
            #expect(chinese == .badRequest && chineseBody.contains("invalid_wording"), "\(chineseBody)")
            let (placeholder, placeholderBody) = try await client.send(
                .put, "/api/wording/mn/page.kiosk.waiting", #"{"text":"ᠬᠦᠮᠦᠨ","reviewed":false}"#, token: head)
            #expect(placeholder == .badRequest && placeholderBody.contains("占位符"), "\(placeholderBody)")
            #expect(try await client.send(.put, "/api/wording/zh/\(Self.welcome)", #"{"text":"欢迎","reviewed":true}"#, token: head).0 == .notFound)
            #expect(try await client.send(.put, "/api/wording/mn/no.such.key", #"{"text":"ᠬᠦᠮᠦᠨ","reviewed":true}"#, token: head).0 == .notFound)

            let (status, body) = try await client.send(.put, path, #"{"text":" \#(Self.corrected) ","reviewed":true}"#, token: head)
            #expect(status == .ok, "\(body)")
            #expect(server.pages.config.messages?["mn"]?[Self.welcome] == Self.corrected)
            let (_, listing) = try await client.send(.get, "/api/wording", token: head)
            #expect(listing.contains("\"correctedBy\":\"head1\"") && listing.contains(Self.corrected))
            let (exported, file) = try await client.send(.get, "/api/wording/mn/catalog", token: head)
            let catalog = try MessageCatalog(language: .mn, json: Data(file.utf8))
            #expect(exported == .ok && catalog.entries[Self.welcome] == .init(text: Self.corrected, reviewed: true))
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: head)
            #expect(audit.contains { $0.action == "wording.correct" && $0.actor == "head1" }, "audited")
        }
        // The correction is in SQLite: a restarted halld uses it, on tickets too.
        let restarted = try HallServer(configuration: server.configuration)
        #expect(restarted.pages.config.messages?["mn"]?[Self.welcome] == Self.corrected)
        let yourNumber = "ticket.yourNumber"
        try await restarted.makeApplication(port: 0).test(.live) { client in
            let head = try await client.signIn("head1", TestCredentials.staffPassword)
            #expect(try await client.send(.put, "/api/wording/mn/\(yourNumber)", #"{"text":"ᠳ᠋ᠤᠭᠠᠷ","reviewed":true}"#, token: head).0 == .ok)
            #expect(restarted.wording.wording.ticketSecondScript(mongolianName: "")?.wording.yourNumber == "ᠳ᠋ᠤᠭᠠᠷ")
            #expect(try await client.send(.delete, path, token: head).0 == .noContent)
            let shipped = try MessageCatalog(language: .mn, json: Data(contentsOf: PackagePaths.url("data/i18n/mn.json")))
            #expect(restarted.pages.config.messages?["mn"]?[Self.welcome] == shipped.entries[Self.welcome]?.text)
        }
    }
}
