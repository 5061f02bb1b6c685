import Foundation
import GRDB
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Accounts, sessions and roles")
struct AccessTests {
    @Test("every state-changing route refuses a caller without credentials (401)")
    func unauthenticated() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let refused: [(HTTPRequest.Method, String, String?)] = [
                (.post, "/api/tickets", #"{"service":"A"}"#), (.post, "/api/windows/3/call-next", nil),
                (.post, "/api/windows/3/pause", nil), (.post, "/api/tickets/A001/leave", nil),
                (.post, "/api/accounts", #"{"username":"x1","displayName":"x","roles":["clerk"],"password":"longenough1"}"#),
                (.delete, "/api/session", nil), (.get, "/api/audit", nil), (.get, "/api/accounts", nil),
            ]
            for (method, uri, json) in refused {
                let (status, body) = try await client.send(method, uri, json)
                #expect(status == .unauthorized, "\(method) \(uri): \(body)")
                #expect(try errorBody(body).error == "unauthorized")
            }
            let (bogus, body) = try await client.send(.post, "/api/windows/3/call-next", token: "not-a-real-token")
            #expect(bogus == .unauthorized && body.contains("invalid_token"))
            // Public reads stay public.
            #expect(try await client.send(.get, "/api/status").0 == .ok)
            #expect(try await client.send(.get, "/healthz").0 == .ok)
            #expect(try await client.send(.get, "/api/status", token: "stale-cookie-or-token").0 == .ok)
        }
    }

    @Test("the wrong role is refused with 403 and a Chinese message; nothing changes")
    func wrongRole() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            let reviewer = try await client.staffToken("reviewer1", roles: [.reviewer])
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk).0 == .created)
            func expectForbidden(_ method: HTTPRequest.Method, _ uri: String, _ json: String?, _ token: String) async throws {
                let (status, body) = try await client.send(method, uri, json, token: token)
                #expect(status == .forbidden, "\(uri): \(body)")
                let error = try errorBody(body)
                #expect(error.error == "forbidden" && error.message.contains("无权"))
            }
            try await expectForbidden(.post, "/api/windows/1/call-next", nil, TestCredentials.kiosk)
            try await expectForbidden(.post, "/api/windows/1/pause", nil, TestCredentials.kiosk)
            try await expectForbidden(.post, "/api/tickets", #"{"service":"A"}"#, TestCredentials.screen)
            try await expectForbidden(.post, "/api/windows/1/call-next", nil, TestCredentials.screen)
            try await expectForbidden(.post, "/api/windows/1/call-next", nil, reviewer)
            try await expectForbidden(
                .post, "/api/accounts",
                #"{"username":"x1","displayName":"x","roles":["admin"],"password":"longenough1"}"#, clerk)
            try await expectForbidden(.post, "/api/accounts/clerk/password", #"{"password":"longenough1"}"#, clerk)
            try await expectForbidden(.get, "/api/audit", nil, clerk)
            try await expectForbidden(.get, "/api/accounts", nil, TestCredentials.kiosk)
            let status = try await client.decode(HallStatus.self, .get, "/api/status")
            #expect(status.windows.allSatisfy { $0.current == nil && !$0.window.isPaused }, "a refused call must change nothing")
            // The right role may.
            #expect(try await client.send(.post, "/api/windows/1/call-next", token: clerk).0 == .ok)
        }
    }

    @Test("sign in, who am I, cookie, sign out")
    func sessionLifecycle() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let (status, body, cookie) = try await client.execute(
                uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"admin","password":"\#(TestCredentials.adminPassword)"}"#)
            ) { r in
                (r.status, String(buffer: r.body), r.headers[.setCookie] ?? "")
            }
            #expect(status == .created)
            let token = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["token"] as? String)
            #expect(cookie.hasPrefix("hall_session=\(token);") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let (meStatus, me) = try await client.send(.get, "/api/session", headers: [.cookie: "hall_session=\(token)"])
            #expect(meStatus == .ok && me.contains(#""username":"admin""#) && me.contains(#""roles":["admin"]"#) && !me.contains(token))
            let (device, deviceBody) = try await client.send(.get, "/api/session", token: TestCredentials.kiosk)
            #expect(device == .ok && deviceBody.contains(#""isDevice":true"#) && deviceBody.contains(#""roles":["kiosk"]"#))
            #expect(try await client.send(.delete, "/api/session", token: token).0 == .noContent)
            #expect(try await client.send(.get, "/api/session", token: token).0 == .unauthorized)
            #expect(try await client.send(.get, "/api/accounts", token: token).0 == .unauthorized)
        }
    }

    @Test("sessions end after the idle timeout and after the absolute timeout")
    func expiry() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let (server, folder) = try makeServer(clock: clock) {
            $0.accounts.sessionIdleMinutes = 10
            $0.accounts.sessionAbsoluteHours = 1
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            clock.advance(9 * 60)
            #expect(try await client.send(.post, "/api/windows/3/pause", token: clerk).0 == .ok)
            clock.advance(9 * 60)  // 9 min idle since the last request: still alive
            #expect(try await client.send(.post, "/api/windows/3/unpause", token: clerk).0 == .ok)
            clock.advance(10 * 60 + 1)
            let (idle, body) = try await client.send(.post, "/api/windows/3/pause", token: clerk)
            #expect(try idle == .unauthorized && errorBody(body).error == "session_expired")

            let busy = try await client.signIn("clerk", TestCredentials.staffPassword)
            for _ in 0..<7 {  // active every 9 minutes, but 63 minutes after sign-in
                clock.advance(9 * 60)
                _ = try await client.send(.get, "/api/session", token: busy)
            }
            #expect(try await client.send(.get, "/api/session", token: busy).0 == .unauthorized)
        }
    }

    @Test("repeated failed sign-ins are throttled with 429 and a growing delay")
    func throttling() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let (server, folder) = try makeServer(clock: clock)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let wrong = #"{"username":"admin","password":"wrong-guess"}"#
            for _ in 0..<5 { #expect(try await client.send(.post, "/api/session", wrong).0 == .unauthorized) }
            let right = #"{"username":"admin","password":"\#(TestCredentials.adminPassword)"}"#
            let (status, retryAfter) = try await client.execute(
                uri: "/api/session", method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: right)
            ) { ($0.status, $0.headers[.retryAfter]) }
            #expect(status == .tooManyRequests, "even the right password waits out the lock")
            #expect(retryAfter == "30")
            clock.advance(31)
            #expect(try await client.send(.post, "/api/session", wrong).0 == .unauthorized)
            let (again, body) = try await client.send(.post, "/api/session", right)
            #expect(try again == .tooManyRequests && errorBody(body).error == "too_many_attempts")
            #expect(body.contains("60"), "the second lock-out is twice as long: \(body)")
            clock.advance(61)
            #expect(try await client.send(.post, "/api/session", right).0 == .created)
        }
    }

    @Test("state changes and sign-ins are audited; the head reads the log by actor and time")
    func auditLog() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let head = try await client.staffToken("head1", roles: [.head])
            _ = try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk)
            _ = try await client.send(.post, "/api/windows/1/call-next", token: clerk)
            _ = try await client.send(.post, "/api/windows/2/call-next", token: clerk)  // 409: nobody waiting, not audited
            _ = try await client.send(.post, "/api/session", #"{"username":"li.na","password":"not-it-1234"}"#)

            let all = try await client.decode([AuditRecord].self, .get, "/api/audit", token: head)
            let call = try #require(all.first { $0.action == "window.operate" })
            #expect(call.actor == "li.na" && call.role == "clerk" && call.target == "POST /api/windows/1/call-next")
            #expect(call.remoteAddress == "127.0.0.1")
            #expect(all.filter { $0.action == "window.operate" }.count == 1)
            #expect(all.contains { $0.action == "ticket.issue" && $0.actor == "kiosk-1" && $0.role == "kiosk" })
            #expect(all.contains { $0.action == "account.manage" && $0.actor == "admin" && $0.target == "POST /api/accounts" })
            let failed = try #require(all.first { $0.action == "session.login_failed" })
            #expect(failed.actor == "li.na" && failed.detail == ["reason": "bad_credentials"])
            #expect(all.contains { $0.action == "session.login" && $0.actor == "head1" })

            let mine = try await client.decode([AuditRecord].self, .get, "/api/audit?actor=li.na", token: head)
            #expect(!mine.isEmpty && mine.allSatisfy { $0.actor == "li.na" })
            let future = try await client.decode([AuditRecord].self, .get, "/api/audit?from=2099-01-01", token: head)
            #expect(future.isEmpty)
            let today = LocalDay(Date(), in: TimeZone(identifier: "Asia/Shanghai")!)
            let byDay = try await client.decode([AuditRecord].self, .get, "/api/audit?from=\(today)&to=\(today)", token: head)
            #expect(byDay.count == all.count)
            #expect(try await client.send(.get, "/api/audit?from=yesterday", token: head).0 == .badRequest)
        }
    }

    @Test("passwords and tokens are never stored or audited in plain text")
    func noPlainSecrets() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = try await server.makeApplication(port: 0).test(.live) { client in
            let token = try await client.clerkToken("zhao")
            _ = try await client.send(.post, "/api/session", #"{"username":"zhao","password":"typo-\#(TestCredentials.staffPassword)"}"#)
            _ = try await client.send(.post, "/api/windows/3/pause", token: token)
            return token
        }
        let database = try DatabaseQueue(path: folder.appendingPathComponent("hall.sqlite").path)
        try await database.read { db in
            let hash = try #require(try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE username = 'zhao'"))
            #expect(hash.hasPrefix("$2") && hash.count == 60, "a bcrypt hash")
            #expect(!hash.contains(TestCredentials.staffPassword))
            let stored = try String.fetchAll(db, sql: "SELECT token_hash FROM session")
            #expect(!stored.isEmpty && !stored.contains(token) && stored.allSatisfy { $0.count == 64 })
            let everything = try String.fetchAll(
                db,
                sql: """
                    SELECT username || display_name || roles || password_hash FROM account UNION ALL
                    SELECT token_hash || username FROM session UNION ALL
                    SELECT actor || role || action || target || detail || COALESCE(remote_address, '') FROM audit_log UNION ALL
                    SELECT body FROM event
                    """
            ).joined()
            #expect(!everything.contains(TestCredentials.staffPassword) && !everything.contains(TestCredentials.adminPassword))
            #expect(!everything.contains(token) && !everything.contains(TestCredentials.kiosk))
        }
    }

    @Test("the head and the admin manage accounts: create, set roles, reset password, deactivate")
    func accountManagement() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("head1", roles: [.head])
            let clerk = try await client.clerkToken("wang")
            let (weak, weakBody) = try await client.send(
                .post, "/api/accounts",
                #"{"username":"new1","displayName":"新","roles":["clerk"],"password":"12345678"}"#,
                token: head)
            #expect(try weak == .badRequest && errorBody(weakBody).error == "weak_password")
            let (device, _) = try await client.send(
                .post, "/api/accounts",
                #"{"username":"new1","displayName":"新","roles":["kiosk"],"password":"good-pass-1"}"#,
                token: head)
            #expect(device == .badRequest)
            let (dup, _) = try await client.send(
                .post, "/api/accounts",
                #"{"username":"wang","displayName":"王","roles":["clerk"],"password":"good-pass-1"}"#,
                token: head)
            #expect(dup == .conflict)

            let changed = try await client.decode(StaffAccount.self, .patch, "/api/accounts/wang", #"{"roles":["clerk","reviewer"]}"#, token: head)
            #expect(changed.roles == [.clerk, .reviewer])
            #expect(try await client.send(.post, "/api/accounts/wang/password", #"{"password":"reset-pass-99"}"#, token: head).0 == .noContent)
            #expect(try await client.send(.post, "/api/windows/3/pause", token: clerk).0 == .unauthorized, "a reset ends sessions")
            let fresh = try await client.signIn("wang", "reset-pass-99")
            #expect(try await client.send(.post, "/api/accounts/wang/deactivate", token: head).0 == .ok)
            #expect(try await client.send(.get, "/api/session", token: fresh).0 == .unauthorized)
            #expect(try await client.send(.post, "/api/session", #"{"username":"wang","password":"reset-pass-99"}"#).0 == .unauthorized)
            let list = try await client.decode([StaffAccount].self, .get, "/api/accounts", token: head)
            #expect(list.map(\.username) == ["admin", "head1", "wang"])
            #expect(list.first { $0.username == "wang" }?.isActive == false)
            #expect(!String(decoding: try JSONEncoder().encode(list), as: UTF8.self).contains("$2"))
            // A head cannot touch the administrator; the administrator cannot remove the last administrator.
            let (above, aboveBody) = try await client.send(.post, "/api/accounts/admin/deactivate", token: head)
            #expect(try above == .forbidden && errorBody(aboveBody).error == "account_above_yours")
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let (last, lastBody) = try await client.send(.patch, "/api/accounts/admin", #"{"roles":["head"]}"#, token: admin)
            #expect(try last == .conflict && errorBody(lastBody).error == "last_administrator")
        }
    }

    @Test("a role ceiling: nobody grants a role above their own or touches an account above it, nobody deactivates themselves")
    func roleCeiling() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("head1", roles: [.head])
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            func refused(_ method: HTTPRequest.Method, _ uri: String, _ json: String?, token: String) async throws -> (HTTPResponse.Status, String) {
                let (status, body) = try await client.send(method, uri, json, token: token)
                return (status, try errorBody(body).error)
            }
            let makeAdmin = #"{"username":"boss","displayName":"老板","roles":["admin"],"password":"good-pass-1"}"#
            #expect(try await refused(.post, "/api/accounts", makeAdmin, token: head) == (.forbidden, "role_above_yours"))
            #expect(
                try await refused(.post, "/api/accounts/admin/password", #"{"password":"taken-over-1"}"#, token: head)
                    == (.forbidden, "account_above_yours"))
            #expect(try await refused(.patch, "/api/accounts/admin", #"{"displayName":"x"}"#, token: head) == (.forbidden, "account_above_yours"))
            #expect(try await refused(.patch, "/api/accounts/head1", #"{"roles":["head","admin"]}"#, token: head) == (.forbidden, "role_above_yours"))
            #expect(try await refused(.post, "/api/accounts/head1/deactivate", nil, token: head) == (.conflict, "deactivating_yourself"))
            #expect(try await refused(.patch, "/api/accounts/admin", #"{"isActive":false}"#, token: admin) == (.conflict, "deactivating_yourself"))
            // Below the ceiling all works: a head makes a clerk and another head; the administrator makes an administrator.
            #expect(
                try await client.send(
                    .post, "/api/accounts", #"{"username":"li","displayName":"李","roles":["clerk"],"password":"good-pass-1"}"#,
                    token: head
                ).0 == .created)
            #expect(
                try await client.send(
                    .post, "/api/accounts", #"{"username":"he2","displayName":"何","roles":["head"],"password":"good-pass-1"}"#,
                    token: head
                ).0 == .created)
            #expect(try await client.send(.post, "/api/accounts/he2/deactivate", token: head).0 == .ok)
            #expect(try await client.send(.post, "/api/accounts", makeAdmin, token: admin).0 == .created)
            // Display names are never empty, too long, or carrying control or direction-override characters.
            // (Control and direction-override characters are refused in every field of every request.)
            let names = ["", "   ", String(repeating: "王", count: 33), #"王\u202E五"#, #"王\u0000五"#]  // JSON escapes
            for (name, code) in zip(names, ["invalid_display_name", "invalid_display_name", "invalid_display_name", "invalid_text", "invalid_text"]) {
                let body = #"{"username":"n1","displayName":"\#(name)","roles":["clerk"],"password":"good-pass-1"}"#
                #expect(try await refused(.post, "/api/accounts", body, token: head) == (.badRequest, code), "\(name)")
            }
            #expect(try await refused(.patch, "/api/accounts/li", #"{"displayName":""}"#, token: head) == (.badRequest, "invalid_display_name"))
            let trimmed = try await client.decode(StaffAccount.self, .patch, "/api/accounts/li", #"{"displayName":" 李娜 "}"#, token: head)
            #expect(trimmed.displayName == "李娜")
        }
    }

    @Test("first start creates admin with a random password in a 0600 file; demo mode seeds demo accounts")
    func bootstrap() async throws {
        let (server, folder) = try makeServer { $0.accounts.initialAdminPassword = "" }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("initial-admin-password")
        let password = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600 && password.count == 16)
        try await server.makeApplication(port: 0).test(.live) { client in
            _ = try await client.signIn("admin", password)
            #expect(try await client.send(.post, "/api/session", #"{"username":"clerk1","password":"hall-demo"}"#).0 == .unauthorized)
        }
        // A restart on the same database creates nothing again.
        try FileManager.default.removeItem(at: file)
        _ = try HallServer(configuration: server.configuration)
        #expect(!FileManager.default.fileExists(atPath: file.path))

        let (demo, demoFolder) = try makeServer {
            $0.accounts.initialAdminPassword = ""; $0.accounts.demoAccounts = true
        }
        defer { try? FileManager.default.removeItem(at: demoFolder) }
        try await demo.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.signIn("clerk1", "hall-demo")
            _ = try await client.signIn("admin", "hall-demo")
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: "demo-kiosk-token-0001").0 == .created)
            #expect(try await client.send(.post, "/api/windows/1/call-next", token: clerk).0 == .ok)
        }
    }
}
