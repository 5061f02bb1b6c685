import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("AB posts API")
struct PostAPITests {
    @Test("the head assigns A and B, marks A away (B on duty) and back; a clerk who is neither is warned and it is logged")
    func posts() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let a = try await client.clerkToken("li.na")
            let b = try await client.clerkToken("zhao")
            let other = try await client.clerkToken("sun")
            let head = try await client.staffToken("head1", roles: [.head])
            _ = try await client.staffToken("rev", roles: [.reviewer])

            #expect(try await client.send(.get, "/api/posts").0 == .unauthorized, "staff names are not public")
            let none = try await client.decode([WindowPostView].self, .get, "/api/posts", token: a)
            #expect(none.map(\.window) == [1, 2, 3, 4, 5] && none.allSatisfy { $0.a == nil && $0.onDuty == nil })
            // No posts yet: anyone may take the window, no warning.
            let open = try await client.decode(PostCheck.self, .post, "/api/posts/3/check", token: other)
            #expect(open.role == .unassigned && open.warning == nil)

            #expect(try await client.send(.put, "/api/posts/3", #"{"a":"li.na","b":"zhao"}"#, token: a).0 == .forbidden)
            let (reviewer, reviewerBody) = try await client.send(.put, "/api/posts/3", #"{"a":"rev","b":"zhao"}"#, token: head)
            #expect(try reviewer == .badRequest && errorBody(reviewerBody).message.contains("不是窗口工作人员"))
            let (same, sameBody) = try await client.send(.put, "/api/posts/3", #"{"a":"zhao","b":"zhao"}"#, token: head)
            #expect(try same == .badRequest && errorBody(sameBody).error == "same_staff")
            #expect(try await client.send(.put, "/api/posts/9", #"{"a":"li.na"}"#, token: head).0 == .notFound)
            let (noB, noBBody) = try await client.send(.post, "/api/posts/3/away", token: head)
            #expect(try noB == .conflict && errorBody(noBBody).error == "no_a_post")

            let assigned = try await client.decode(WindowPostView.self, .put, "/api/posts/3", #"{"a":"li.na","b":"zhao"}"#, token: head)
            #expect(assigned.onDuty?.username == "li.na" && assigned.b?.displayName == "测试zhao" && assigned.updatedBy == "head1")
            #expect(try await client.decode(PostCheck.self, .post, "/api/posts/3/check", token: a).role == .a)
            let warned = try await client.decode(PostCheck.self, .post, "/api/posts/3/check", token: other)
            #expect(warned.role == PostRole.none && warned.warning?.contains("不是3号窗口的A岗或B岗") == true)

            let away = try await client.decode(WindowPostView.self, .post, "/api/posts/3/away", #"{"reason":"外出上门服务"}"#, token: head)
            #expect(away.aAway && away.onDuty?.username == "zhao" && away.awayReason == "外出上门服务")
            let (twice, _) = try await client.send(.post, "/api/posts/3/away", token: head)
            #expect(twice == .conflict)
            let duty = try await client.decode([WindowPostView].self, .get, "/api/posts", token: b).first { $0.window == 3 }
            #expect(duty?.onDuty?.displayName == "测试zhao")
            #expect(try await client.decode(PostCheck.self, .post, "/api/posts/3/check", token: a).warning?.contains("离岗") == true)
            let back = try await client.decode(WindowPostView.self, .post, "/api/posts/3/back", token: head)
            #expect(!back.aAway && back.onDuty?.username == "li.na")

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: admin)
            #expect(audit.filter { $0.action == "post.manage" && $0.actor == "head1" }.count == 3)
            #expect(audit.contains { $0.actor == "sun" && $0.target == "POST /api/posts/3/check" })
            let covers = try await server.database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT actor FROM event WHERE type = 'post.cover'")
            }
            #expect(covers == ["sun"])
        }
    }
}
