import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("A home visit's identity check by ID card", .serialized)
struct IDCardVisitTests {
    static let liLei = "150626198911020033"

    @Test("the card compared with the applicant: the outcome kept on the visit and audited, nothing of the card")
    func identityCheck() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") { rig.configure(&$0) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            let (requested, requestBody) = try await client.send(
                .post, "/api/visits",
                #"""
                {"channel":"phone","applicant":{"name":"韩梅梅","phone":"13904771234","idNumber":"\#(IDCardAPITests.hanMeimei)"},
                 "eligibility":"disabled","item":"senior-allowance","address":"嘎鲁图镇示例路1号","preferredDay":"2026-09-29",
                 "request":"申请高龄津贴"}
                """#, token: clerk)
            #expect(requested == .created, "\(requestBody)")
            let visit = try HallJSON.decoder().decode(HomeVisit.self, from: Data(requestBody.utf8))
            func check(_ ref: String, _ json: String) async throws -> (HTTPResponse.Status, String) {
                try await client.send(.post, "/api/visits/\(ref)/identity", json, token: clerk)
            }
            func card(_ name: String, _ number: String) -> String { #"{"card":{"name":"\#(name)","idNumber":"\#(number)"}}"# }
            let (early, earlyBody) = try await check(visit.number, card("韩梅梅", IDCardAPITests.hanMeimei))
            #expect(early == .conflict, "only an approved visit is checked: \(earlyBody)")
            _ = try await client.approveVisit(visit, token: head)

            // The card read on the laptop (hallctl sends it): her own card, then another person's.
            let (ok, okBody) = try await check(visit.number, card("韩梅梅", IDCardAPITests.hanMeimei))
            #expect(ok == .ok && okBody.contains("\"result\":\"matched\"") && okBody.contains("\"identifies\":true"), "\(okBody)")
            #expect(okBody.contains("\"card\":\"韩*梅\"") && !okBody.contains("韩梅梅") && !okBody.contains(IDCardAPITests.hanMeimei))
            let (other, otherBody) = try await check(visit.number, card("李雷", Self.liLei))
            #expect(other == .ok && otherBody.contains("\"result\":\"idNumberDiffers\"") && otherBody.contains("\"identifies\":false"))
            #expect(errorCode(try await check(visit.number, card("李雷", "150626198911020034")).1) == "id_number_bad_checksum")
            #expect(try await check(visit.number, #"{"window":3,"card":{"name":"李雷","idNumber":"\#(Self.liLei)"}}"#).0 == .badRequest)
            #expect(try await check(visit.number, "{}").0 == .badRequest)
            #expect(try await check("SM20990101-01", card("李雷", Self.liLei)).0 == .notFound)
            let (kiosk, _) = try await client.send(
                .post, "/api/visits/\(visit.number)/identity", card("李雷", Self.liLei), token: TestCredentials.kiosk)
            #expect(kiosk == .forbidden)

            // On the reader of the window the clerk works at (the console's button).
            rig.emulator.place(0)
            #expect(try await check(visit.number, #"{"window":3,"wait":0}"#).0 == .forbidden, "window 3 not taken")
            #expect(try await client.send(.post, "/api/posts/3/check", token: clerk).0 == .ok)
            let (read, readBody) = try await check(visit.number, #"{"window":3,"wait":0}"#)
            #expect(read == .ok && readBody.contains("\"result\":\"matched\"") && readBody.contains("\"reader\":\"window-3\""), "\(readBody)")

            let kept = try await client.decode(HomeVisit.self, .get, "/api/visits/\(visit.number)", token: clerk)
            #expect(kept.identityCheck?.result == .matched && kept.identityCheck?.reader == "window-3" && kept.identityCheck?.by == "wang.fang")

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit?limit=200", token: admin)
            let checks = audit.filter { $0.action == "visit.identity" }
                .map { "\($0.target) \($0.detail["result"] ?? "") \($0.detail["reader"] ?? "")" }
            let number = visit.number
            #expect(
                checks.sorted() == ["visit:\(number) idNumberDiffers local", "visit:\(number) matched local", "visit:\(number) matched window-3"],
                "\(checks)")
            let (_, raw) = try await client.send(.get, "/api/audit?limit=200", token: admin)
            #expect(!raw.contains(Self.liLei) && !raw.contains("李雷") && !raw.contains(IDCardAPITests.hanMeimei))
        }
        // Nothing of the other person's card in the database files.
        for file in try FileManager.default.contentsOfDirectory(atPath: hall.folder.path) where file.hasPrefix("hall.sqlite") {
            let bytes = try Data(contentsOf: hall.folder.appendingPathComponent(file))
            #expect(bytes.range(of: Data(Self.liLei.utf8)) == nil && bytes.range(of: Data("李雷".utf8)) == nil, "\(file)")
        }
    }
}
