import Foundation
import HTTPTypes
import HallServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The HTTP layer's own refusals (`Sources/HallServer/HTTP`): each says what is wrong with the
/// request in its own code, never `malformed_json` for what is not JSON's fault.
@Suite("HTTP-level errors")
struct HTTPErrorTests {
    /// Sends a raw request and returns status, `Allow` header and the decoded error body.
    private func refusal(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, body: String? = nil,
        headers: HTTPFields = [:], token: String? = nil
    ) async throws -> (HTTPResponse.Status, String?, ErrorBody) {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            ($0.status, $0.headers[.allow], try errorBody(String(buffer: $0.body)))
        }
    }

    @Test("a known address asked with another method answers 405 with Allow; an unknown address 404")
    func methodNotAllowed() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            for (method, uri, allow) in [
                (HTTPRequest.Method.delete, "/api/status", "GET"), (.trace, "/api/status", "GET"),
                (.get, "/api/tickets", "POST"), (.put, "/api/windows/3/call-next", "POST"),
                (.patch, "/api/hours", "DELETE, GET, PUT"),
                // A literal path element wins over a capture, as in the router: not GET /api/appointments/{id}.
                (.options, "/api/appointments/check-in", "POST"), (.get, "/api/calendar/import", "POST"),
            ] {
                let (status, header, error) = try await refusal(client, method, uri)
                #expect(status == .methodNotAllowed, "\(method) \(uri)")
                #expect(header == allow, "\(method) \(uri)")
                #expect(error.error == "method_not_allowed" && error.message.contains(allow.components(separatedBy: ", ")[0]))
            }
            let (status, header, error) = try await refusal(client, .trace, "/api/no-such-thing")
            #expect(status == .notFound && header == nil && error.error == "not_found")
        }
    }

    @Test("a path with broken percent-encoding or .. is invalid_path, not malformed_json")
    func invalidPath() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            for uri in ["/%ZZ", "/kiosk/%G1", "/kiosk/..%2f..%2fetc%2fpasswd"] {
                let (status, _, error) = try await refusal(client, .get, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect(error.error == "invalid_path", "\(uri): \(error.message)")
            }
        }
    }

    @Test("a JSON body sent as another media type answers 415; without Content-Type it is read as JSON")
    func mediaType() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let body = #"{"service":"A"}"#
            let (status, _, error) = try await refusal(
                client, .post, "/api/tickets", body: body, headers: [.contentType: "text/plain"], token: TestCredentials.kiosk)
            #expect(status == .unsupportedMediaType && error.error == "unsupported_media_type")
            let (plain, _) = try await client.send(.post, "/api/tickets", nil, token: TestCredentials.kiosk)
            #expect(plain == .badRequest)
            let issued = try await client.execute(
                uri: "/api/tickets", method: .post, headers: [.authorization: "Bearer \(TestCredentials.kiosk)"],
                body: ByteBuffer(string: body)
            ) { $0.status }
            #expect(issued == .created)
            let charset = try await client.execute(
                uri: "/api/tickets", method: .post,
                headers: [.authorization: "Bearer \(TestCredentials.kiosk)", .contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(string: body)
            ) { $0.status }
            #expect(charset == .created)
        }
    }

    @Test("integer query parameters out of their documented range are refused, not clamped")
    func integerRanges() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            for (uri, good) in [
                ("/api/hours?days=32", false), ("/api/hours?days=0", false), ("/api/hours?days=x", false),
                ("/api/hours?days=31", true), ("/api/hours?days=", true),
                ("/api/audit?limit=5001", false), ("/api/audit?limit=0", false), ("/api/audit?limit=5000", true),
            ] {
                let (status, body) = try await client.send(.get, uri, token: admin)
                if good {
                    #expect(status == .ok, "\(uri): \(body)")
                } else {
                    #expect(status == .badRequest, "\(uri): \(body)")
                    #expect(try errorBody(body).error == "invalid_parameter")
                }
            }
        }
    }

    @Test("yes/no query parameters take 1/true or 0/false; anything else is refused, not read as no")
    func flags() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("flag-head", roles: [.head])
            for (uri, good) in [
                ("/api/appointment-suspensions?active=false", true), ("/api/appointment-suspensions?active=1", true),
                ("/api/appointment-suspensions?active=NUL", false), ("/api/follow-ups?due=1", true), ("/api/follow-ups?due=", true),
                ("/api/follow-ups?due=-58800", false), ("/api/follow-ups/due?all=true", true), ("/api/follow-ups/due?all=2", false),
            ] {
                let (status, body) = try await client.send(.get, uri, token: head)
                #expect(status == (good ? .ok : .badRequest), "\(uri): \(body)")
                if !good { #expect(try errorBody(body).error == "invalid_parameter") }
            }
        }
    }

    @Test("+ in a query string is a space, %2B a plus, as browsers' URLSearchParams write them")
    func formQuery() async throws {
        let (server, folder) = try makeServer {
            $0.hardware.voice.enabled = true
            $0.hardware.voice.playLocally = false
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            // The voice speaks spaces but not `+`: the answer tells which one arrived.
            let (spaces, body) = try await client.send(.get, "/api/voice?text=B001+%E5%8F%B7", token: TestCredentials.screen)
            #expect(spaces == .ok, "\(body)")
            let (plus, refusal) = try await client.send(.get, "/api/voice?text=B001%2B%E5%8F%B7", token: TestCredentials.screen)
            #expect(plus == .badRequest && refusal.contains("U+2B"), "\(refusal)")
        }
    }

    @Test("a body's date-times are read as RFC 3339 writes them, fractional seconds too")
    func fractionalSeconds() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("dates-head", roles: [.head])
            _ = try await client.clerkToken("dates-clerk")
            for (start, end) in [
                ("2026-12-03T17:30:00.250+08:00", "2026-12-03T19:30:00.75+08:00"), ("2026-12-02T09:30:00Z", "2026-12-02T10:30:00.5Z"),
            ] {
                let entry = #"{"staff":"dates-clerk","kind":"extended","start":"\#(start)","end":"\#(end)"}"#
                let (status, body) = try await client.send(.post, "/api/ledger/entries", entry, token: head)
                #expect(status == .created, "\(start) – \(end): \(body)")
            }
            let (bad, text) = try await client.send(
                .post, "/api/ledger/entries", #"{"staff":"dates-clerk","kind":"extended","start":"yesterday","end":"today"}"#, token: head)
            #expect(try bad == .badRequest && errorBody(text).error == "malformed_json")
        }
    }

    @Test("fields the server does not know are ignored whatever they hold; the fields it keeps are checked")
    func unknownFields() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let ignored = #"{"service":"A","x\u0007":"\u0007","nested":{"\u202e":["\u0000"]}}"#
            let (status, body) = try await client.send(.post, "/api/tickets", ignored, token: TestCredentials.kiosk)
            #expect(status == .created, "\(body)")
            let (refused, text) = try await client.send(.post, "/api/tickets", #"{"service":"A\u0085"}"#, token: TestCredentials.kiosk)
            #expect(try refused == .badRequest && errorBody(text).error == "invalid_text")
            let (missing, reason) = try await client.send(.post, "/api/tickets", #"{"x":"\u0007"}"#, token: TestCredentials.kiosk)
            #expect(try missing == .badRequest && errorBody(reason).error == "invalid_text")
        }
    }
}
