import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// GET /api/staff/names: what staff are called, for any signed-in caller (a clerk too), so pages and
/// hallctl name people by display name; nobody unsigned learns the names.
@Suite("Staff display names")
struct StaffNamesAPITests {
    @Test func signedInCallersReadDisplayNamesByUserName() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let (anonymous, _) = try await client.send(.get, "/api/staff/names")
            #expect(anonymous == .unauthorized)
            let names = try await client.decode([String: String].self, .get, "/api/staff/names", token: clerk)
            #expect(names["li.na"] == "测试li.na" && names["admin"] == "系统管理员", "\(names)")
        }
    }
}
