import AsyncHTTPClient
import Foundation
import HallCore
import HallHub
import HallServer
import HallTestSupport
import NIOCore
import NIOSSL
import Testing

/// Hall ↔ hub over real TLS on real sockets: the hub serves the certificate `hall-hub
/// make-certificates` issues from the banner's hub CA; a hall that trusts that CA (`hub.caFile`)
/// sends its events, a hall that does not is refused in the handshake and keeps them.
@Suite(.serialized) struct HubTLSTests {
    /// A CA and the hub's certificate for 127.0.0.1, written as the command writes them.
    static func certificates(in folder: URL) throws -> (ca: String, certificate: String, key: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let authority = try HubCertificateAuthority.makeAuthority(name: "Test banner hub CA")
        let hub = try HubCertificateAuthority.issueServerCertificate(hosts: ["127.0.0.1", "hub.test"], authority: authority)
        let files = (ca: folder.appendingPathComponent("ca.crt").path, certificate: folder.appendingPathComponent("hub.crt").path,
                     key: folder.appendingPathComponent("hub.key").path)
        try authority.certificate.write(toFile: files.ca, atomically: true, encoding: .utf8)
        try hub.certificate.write(toFile: files.certificate, atomically: true, encoding: .utf8)
        try hub.privateKey.write(toFile: files.key, atomically: true, encoding: .utf8)
        return files
    }

    @Test func theHubCertificateVerifiesAgainstItsCAWithOpenSSL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hub-tls-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.certificates(in: folder)
        let verify = try ExternalTool.run("openssl", ["verify", "-CAfile", files.ca, files.certificate])
        #expect(verify.status == 0 && verify.output.contains(": OK"), "\(verify.output)")
        let other = try Self.certificates(in: folder.appendingPathComponent("other"))
        let refused = try ExternalTool.run("openssl", ["verify", "-CAfile", other.ca, files.certificate])
        #expect(refused.status != 0)
        #expect(throws: HubCertificateError.badHost("not a host!")) {
            try HubCertificateAuthority.issueServerCertificate(
                hosts: ["not a host!"], authority: try HubCertificateAuthority.makeAuthority(name: "x"))
        }
    }

    @Test func theHubRefusesHalfATLSConfigurationOrAnUnreadableKey() throws {
        #expect(throws: HubConfigurationError.self) {
            try HubConfigurationLoader.load(file: nil, overrides: ["listen.certificateFile=/etc/hostname"])
        }
        #expect(throws: HubConfigurationError.self) {
            try HubConfigurationLoader.load(
                file: nil, overrides: ["listen.certificateFile=/etc/hostname", "listen.keyFile=/nonexistent/hub.key"])
        }
    }

    @Test func aHallTrustingTheHubCASendsOverTLSAndOneThatDoesNotKeepsItsEvents() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hub-tls-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.certificates(in: folder)
        let stranger = try Self.certificates(in: folder.appendingPathComponent("stranger"))
        let hub = try await HubTestBed(tls: (files.certificate, files.key))
        #expect(hub.url.hasPrefix("https://"))

        // Trusting the banner's CA: enrolled, every event sent and acknowledged over TLS.
        let trusting = try TestHall(id: "town-tls", hub: hub.url, code: try await hub.code(for: "town-tls"), caFile: files.ca)
        try await trusting.makeEvents(tickets: 12)
        try await trusting.drain()
        #expect(try await trusting.link.refreshLag().events == 0)
        #expect(try await hub.store.events(of: "town-tls") == trusting.log())

        // The system's CAs only, or another banner's CA: refused in the handshake, nothing crosses,
        // the events wait in the outbox and the lag shows why.
        for (id, caFile) in [("town-sys", ""), ("town-other", stranger.ca)] {
            let hall = try TestHall(id: id, hub: hub.url, code: try await hub.code(for: id), caFile: caFile)
            try await hall.makeEvents(tickets: 5)
            let refusal = await #expect(throws: (any Error).self) { _ = try await hall.link.round() }
            #expect(refusal.map { "\($0)" }?.contains("中心证书不受信任") == true, "\(String(describing: refusal))")
            #expect(try await hall.link.refreshLag().events >= 5)
            #expect(try await hub.store.events(of: id).isEmpty)
            hall.remove()
        }
        // A banner user signing in over the hub's own TLS gets a Secure cookie (no proxy header needed).
        let service = BannerAccountService(store: hub.store, passwords: BannerPasswords(cost: hub.configuration.accounts.passwordCost))
        #expect(try await service.createFirstAdministrator(username: "chief", displayName: "张伟", password: "banner-admin-2026", by: "test"))
        var signIn = HTTPClientRequest(url: "\(hub.url)/api/session")
        signIn.method = .POST
        signIn.headers.add(name: "Content-Type", value: "application/json")
        signIn.body = .bytes(ByteBuffer(string: #"{"username":"chief","password":"banner-admin-2026"}"#))
        let signedIn = try await TLSProbe.client.execute(signIn, timeout: .seconds(10))
        #expect(signedIn.status == .ok)
        #expect(signedIn.headers["Set-Cookie"].first?.contains("; Secure") == true, "\(signedIn.headers)")

        // Plain HTTP to the TLS port gets no answer a hall could mistake for the hub.
        let plain = try TestHall(id: "town-plain", hub: "http://127.0.0.1:\(hub.port)", code: try await hub.code(for: "town-plain"))
        await #expect(throws: (any Error).self) { _ = try await plain.link.round() }
        plain.remove()
        trusting.remove()
        await hub.shutdown()
    }
}

/// Whether the TLS hub answers `/healthz` (its certificate is not checked: this only waits for the listener).
enum TLSProbe {
    static let client: HTTPClient = {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
    }()

    static func answers(port: Int) async -> Bool {
        let request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/healthz")
        return (try? await client.execute(request, timeout: .seconds(2)).status.code) == 200
    }
}
