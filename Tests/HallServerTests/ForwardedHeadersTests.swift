import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// halld behind nginx terminating TLS: forwarded headers believed from a trusted proxy only.
@Suite("Forwarded headers from a trusted proxy")
struct ForwardedHeadersTests {
    private static let forwarded: HTTPFields = [
        .contentType: "application/json", .init("X-Forwarded-For")!: "192.0.2.9, 10.8.0.7", .init("X-Forwarded-Proto")!: "https",
    ]

    /// Signs in as admin with forwarded headers; returns the Set-Cookie header and the address the audit log recorded.
    private func signIn(trusting proxies: [String]) async throws -> (cookie: String, address: String?) {
        let (server, folder) = try makeServer { $0.listen.trustedProxies = proxies }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await server.makeApplication(port: 0).test(.live) { client in
            let cookie = try await client.execute(
                uri: "/api/session", method: .post, headers: Self.forwarded,
                body: ByteBuffer(string: #"{"username":"admin","password":"\#(TestCredentials.adminPassword)"}"#)
            ) { $0.headers[.setCookie] ?? "" }
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: admin)
            return (cookie, audit.last { $0.action == "session.login" }?.remoteAddress)
        }
    }

    @Test("from a trusted proxy: the client's address is audited and the cookie is Secure over HTTPS")
    func trusted() async throws {
        let (cookie, address) = try await signIn(trusting: ["127.0.0.1", "::1"])
        #expect(cookie.hasPrefix("hall_session=") && cookie.contains("; Secure"), "\(cookie)")
        #expect(address == "10.8.0.7")
    }

    @Test("from any other peer the headers are ignored")
    func untrusted() async throws {
        let (cookie, address) = try await signIn(trusting: [])
        #expect(cookie.hasPrefix("hall_session=") && !cookie.contains("Secure"), "\(cookie)")
        #expect(address != nil && address != "10.8.0.7")
    }

    @Test("a proxy that is not an IP address is refused at start")
    func validated() throws {
        #expect {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: [#"listen.trustedProxies=["127.0.0.1","nginx"]"#])
        } throws: { error in
            guard case ConfigurationError.invalidValue(let key, _) = error else { return false }
            return key == "listen.trustedProxies.1"
        }
        let loaded = try ConfigurationLoader.load(file: nil, environment: [:], overrides: [#"listen.trustedProxies=["127.0.0.1","::1"]"#])
        #expect(loaded.listen.trustedProxies == ["127.0.0.1", "::1"])
    }
}
