import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Security checks: residents' data never reaches a public surface unmasked (status
/// page, rating pad, kiosk answer, hall status, event log), and request bodies are limited on the
/// new routes, also when sent without a length (chunked).
@Suite("Public surfaces and request limits")
struct PublicSurfaceTests {
    static let name = "张三丰", idNumber = "150626198503121230", phone = "13904771234"

    @Test("a case opened from a ticket: the ticket's status, rating and pad show nothing personal; the case status is masked")
    func masking() async throws {
        let hall = try IntakeTestHall(at: "2026-11-25") {
            $0.devices = .init(
                kiosks: [.init(id: "kiosk-1", token: TestCredentials.kiosk)],
                ratingPads: [.init(id: "pad-3", token: PadCredentials.window3, window: 3)])
        }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("clerk3")
            let (issuedStatus, kiosk) = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
            #expect(issuedStatus == .created)
            let issued = try HallJSON.decoder().decode(IssuedTicket.self, from: Data(kiosk.utf8))
            _ = try await client.send(.post, "/api/windows/3/call-next", token: clerk)
            _ = try await client.send(.post, "/api/windows/3/start", token: clerk)
            let applicant = #"{"kind":"person","name":"\#(Self.name)","idNumber":"\#(Self.idNumber)","phone":"\#(Self.phone)"}"#
            let open = #"{"item":"rural-pension-enrolment","applicant":\#(applicant),"ticketID":\#(issued.ticket.id),"window":3}"#
            let (caseStatus, caseBody) = try await client.send(.post, "/api/cases", open, token: clerk)
            #expect(caseStatus == .created, "\(caseBody)")
            let opened = try HallJSON.decoder().decode(Case.self, from: Data(caseBody.utf8))
            _ = try await client.send(.post, "/api/windows/3/finish", token: clerk)
            let key = hall.server.queue.keys.key(for: issued.ticket.id)

            var surfaces = ["kiosk answer": kiosk]
            for uri in [
                "/api/tickets/\(issued.ticket.id)", "/api/tickets/\(issued.ticket.number)", "/api/status",
                "/api/tickets/\(issued.ticket.id)/rating?k=\(key)",
            ] {
                surfaces[uri] = try await client.send(.get, uri).1
            }
            surfaces["rating pad"] = try await client.send(.get, "/api/rating-pad", token: PadCredentials.window3).1
            let receipt = try await client.send(.post, "/api/tickets/\(issued.ticket.id)/rating", #"{"key":"\#(key)","level":"dissatisfied"}"#)
            surfaces["rating answer"] = receipt.1
            surfaces["event log"] = try await hall.server.database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM event").joined(separator: "\n")
            }
            #expect(surfaces["rating pad"]?.contains(issued.ticket.number) == true, "the pad shows the ticket")
            for (surface, text) in surfaces {
                for secret in [Self.name, Self.idNumber, Self.phone, "张*丰", "1390477"] {
                    #expect(!text.contains(secret), "\(surface) shows \(secret)")
                }
            }
            // The case's public status (QR on notices) shows the applicant masked as the regulations require.
            #expect(
                try await client.execute(uri: "/api/cases/\(opened.id)/status", method: .get) { $0.status } == .notFound,
                "a sequential id alone opens nothing")
            let path = hall.server.intake.keys.statusPath(for: opened)
            let status = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
            #expect(status.contains("张*丰") && status.contains("1506**********1230") && status.contains("139****1234"), "\(status)")
            #expect(!status.contains(Self.idNumber) && !status.contains(Self.phone) && !status.contains(Self.name))
        }
    }

    @Test("bodies over the limit are refused with 413 on the new routes, with a length or chunked")
    func bodyLimits() async throws {
        let (server, folder) = try makeServer {
            PadCredentials.configure(&$0); $0.maxRequestBytes = 4096
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("head1", roles: [.head])
            let big = #"{"note":""# + String(repeating: "好", count: 3000) + #""}"#
            for (method, uri, token) in [
                (HTTPRequest.Method.post, "/api/rating-follow-ups/1/close", head), (.put, "/api/posts/3", head),
                (.post, "/api/posts/3/away", head), (.post, "/api/rating-pad", PadCredentials.window3),
                (.post, "/api/tickets/1/rating", ""),
            ] {
                let (status, body) = try await client.send(method, uri, big, token: token.isEmpty ? nil : token)
                #expect(status == .contentTooLarge, "\(method) \(uri): \(body)")
                #expect(try errorBody(body).error == "body_too_large")
            }
            let port = try #require(client.port)
            #expect(try Self.chunkedPost(port: port, path: "/api/tickets/1/rating", bytes: 20_000).hasPrefix("HTTP/1.1 413"))
            #expect(try Self.chunkedPost(port: port, path: "/api/posts/3/away", bytes: 20_000, token: head).hasPrefix("HTTP/1.1 413"))
            // A small chunked body is read normally (the limit is not a refusal of chunked bodies).
            #expect(try Self.chunkedPost(port: port, path: "/api/tickets/1/rating", bytes: 0).hasPrefix("HTTP/1.1 4"))
        }
    }

    /// Sends a chunked JSON body of about `bytes` bytes over a raw socket; returns the status line.
    static func chunkedPost(port: Int, path: String, bytes: Int, token: String? = nil) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("connect failed") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func write(_ text: String) { _ = text.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) } }
        write(
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + (token.map { "Authorization: Bearer \($0)\r\n" } ?? "") + "\r\n")
        let chunk = String(repeating: "x", count: 1000)
        write("1\r\n{\r\n")
        for _ in 0..<(bytes / 1000) { write(String(format: "%x\r\n", chunk.utf8.count) + chunk + "\r\n") }
        write("1\r\n}\r\n0\r\n\r\n")
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }
}
