import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

extension TestClientProtocol {
    /// Issues a pairing code as `token` (head or admin) and returns its six digits.
    func pairingCode(_ body: String, token: String) async throws -> String {
        let (status, answer) = try await send(.post, "/api/pairing-codes", body, token: token)
        guard status == .created, let object = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any],
            let code = object["code"] as? String
        else { throw TestFailure("issuing a pairing code failed: \(status) \(answer)") }
        return code
    }

    /// Pairs with `code` as a page of `kind` and returns the device's token.
    func pair(_ code: String, kind: String) async throws -> String {
        let (status, answer) = try await send(.post, "/api/pairing", #"{"code":"\#(code)","kind":"\#(kind)"}"#, token: "")
        guard status == .created, let object = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any],
            let token = object["token"] as? String
        else { throw TestFailure("pairing failed: \(status) \(answer)") }
        return token
    }
}

@Suite("Device pairing over HTTP: codes from the admin page, tokens, revocation")
struct PairingAPITests {
    /// A different six-digit code than `code`.
    func other(than code: String) -> String { code == "000000" ? "000001" : "000000" }

    @Test("the head issues a code (a clerk may not) → the kiosk pairs → its token issues tickets; reuse, wrong and revoke are refused")
    func pairAndRevoke() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("head1", roles: [.head])
            let clerk = try await client.clerkToken()
            let (clerkStatus, clerkBody) = try await client.send(.post, "/api/pairing-codes", #"{"kind":"kiosk"}"#, token: clerk)
            #expect(try clerkStatus == .forbidden && errorBody(clerkBody).error == "forbidden")
            #expect(try await client.send(.get, "/api/paired-devices", token: clerk).0 == .forbidden)
            #expect(try await client.send(.post, "/api/pairing-codes", #"{"kind":"kiosk"}"#, token: "").0 == .unauthorized)

            let code = try await client.pairingCode(#"{"kind":"kiosk","name":"大厅东侧取号机"}"#, token: head)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            let (wrongStatus, wrong) = try await client.send(.post, "/api/pairing", #"{"code":"\#(other(than: code))"}"#, token: "")
            #expect(try wrongStatus == .forbidden && errorBody(wrong).error == "wrong_pairing_code")
            #expect((try errorBody(wrong)).message.contains("配对码不正确"))
            let (malformed, _) = try await client.send(.post, "/api/pairing", #"{"code":"12ab"}"#, token: "")
            #expect(malformed == .badRequest)

            let token = try await client.pair(code, kind: "kiosk")
            let (reuseStatus, reuse) = try await client.send(.post, "/api/pairing", #"{"code":"\#(code)","kind":"kiosk"}"#, token: "")
            #expect(try reuseStatus == .conflict && errorBody(reuse).error == "pairing_code_used")
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: token).0 == .created)
            let (_, session) = try await client.send(.get, "/api/session", token: token)
            #expect(session.contains(#""isDevice":true"#) && session.contains(#""roles":["kiosk"]"#) && session.contains("kiosk-p1"))
            #expect(try await client.send(.post, "/api/windows/1/call-next", token: token).0 == .forbidden, "a kiosk stays a kiosk")

            let (_, list) = try await client.send(.get, "/api/paired-devices", token: head)
            let devices = try HallJSON.decoder().decode([PairedDevice].self, from: Data(list.utf8))
            #expect(devices.map(\.id) == ["kiosk-p1"] && devices.first?.name == "大厅东侧取号机" && devices.first?.lastSeenAt != nil)
            #expect(!list.contains(token) && !list.contains(code), "neither the token nor the code is ever shown again")

            #expect(try await client.send(.post, "/api/paired-devices/kiosk-p1/revoke", token: head).0 == .ok)
            let (revokedStatus, revoked) = try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: token)
            #expect(try revokedStatus == .unauthorized && errorBody(revoked).error == "invalid_token")
            #expect(try await client.send(.get, "/api/session", token: token).0 == .unauthorized)
            #expect(try await client.send(.post, "/api/paired-devices/kiosk-p1/revoke", token: head).0 == .conflict)
            #expect(try await client.send(.post, "/api/paired-devices/nope/revoke", token: head).0 == .notFound)
            #expect(
                try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk).0 == .created,
                "configured tokens keep working")

            let (_, audit) = try await client.send(.get, "/api/audit", token: head)
            for action in ["device.pairing_code_issued", "device.paired", "device.pairing_failed", "device.revoked"] {
                #expect(audit.contains(action), "\(action)")
            }
        }
        // After a restart the paired devices are loaded again: the revoked one stays refused.
        let restarted = try HallServer(configuration: server.configuration)
        try await restarted.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("head2", roles: [.head])
            let code = try await client.pairingCode(#"{"kind":"screen"}"#, token: head)
            let screen = try await client.pair(code, kind: "screen")
            #expect(try await client.send(.get, "/api/session", token: screen).0 == .ok)
            let (_, list) = try await client.send(.get, "/api/paired-devices", token: head)
            #expect(list.contains("screen-p2") && list.contains("kiosk-p1") && list.contains("revokedAt"))
        }
    }

    @Test("a code expires after ten minutes; a pad's code pairs a pad at its window only")
    func expiryAndKinds() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let (server, folder) = try makeServer(clock: clock)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let late = try await client.pairingCode(#"{"kind":"kiosk"}"#, token: admin)
            clock.advance(600)
            let (expiredStatus, expired) = try await client.send(.post, "/api/pairing", #"{"code":"\#(late)","kind":"kiosk"}"#, token: "")
            #expect(try expiredStatus == .conflict && errorBody(expired).error == "pairing_code_expired")

            #expect(try await client.send(.post, "/api/pairing-codes", #"{"kind":"rating_pad"}"#, token: admin).0 == .badRequest)
            #expect(try await client.send(.post, "/api/pairing-codes", #"{"kind":"rating_pad","window":42}"#, token: admin).0 == .badRequest)
            #expect(try await client.send(.post, "/api/pairing-codes", #"{"kind":"robot"}"#, token: admin).0 == .badRequest)
            let padCode = try await client.pairingCode(#"{"kind":"rating_pad","window":3}"#, token: admin)
            let (mismatchStatus, mismatch) = try await client.send(.post, "/api/pairing", #"{"code":"\#(padCode)","kind":"kiosk"}"#, token: "")
            #expect(try mismatchStatus == .conflict && errorBody(mismatch).error == "pairing_kind_mismatch")
            let pad = try await client.pair(padCode, kind: "rating_pad")
            let (padStatus, padView) = try await client.send(.get, "/api/rating-pad", token: pad)
            #expect(padStatus == .ok && padView.contains(#""window":3"#), "\(padView)")
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: pad).0 == .forbidden)
        }
    }

    @Test("wrong codes are throttled like sign-ins: past the allowance even the right code waits")
    func throttled() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let (server, folder) = try makeServer(clock: clock) { $0.accounts.throttleFreeFailures = 3 }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let code = try await client.pairingCode(#"{"kind":"screen"}"#, token: admin)
            for _ in 0..<3 {
                #expect(try await client.send(.post, "/api/pairing", #"{"code":"\#(other(than: code))"}"#, token: "").0 == .forbidden)
            }
            let (status, body) = try await client.send(.post, "/api/pairing", #"{"code":"\#(code)","kind":"screen"}"#, token: "")
            #expect(try status == .tooManyRequests && errorBody(body).error == "too_many_attempts")
            #expect((try errorBody(body)).message.contains("配对码错误次数过多"))
            clock.advance(31)
            _ = try await client.pair(code, kind: "screen")
        }
    }
}
