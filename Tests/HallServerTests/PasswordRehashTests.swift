import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// A password hashed at an older bcrypt cost is re-hashed at the configured cost on the next good
/// sign-in (so lowering the default from 12 to 10 speeds up every account after one sign-in), and
/// a failed sign-in changes nothing.
@Suite("Password hashes follow the configured cost")
struct PasswordRehashTests {
    @Test func goodSignInRehashesAtTheConfiguredCost() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-rehash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func server(cost: Int) throws -> (HallServer, URL) {
            try makeServer {
                $0.database.path = folder.appendingPathComponent("hall.sqlite").path
                $0.stateDirectory = folder.path
                $0.accounts.passwordCost = cost
            }
        }
        @Sendable func storedCost(_ server: HallServer) async throws -> String? {
            let hash = try await server.accounts.service.store.credentials("clerk7")?.1
            return hash.map { String($0.split(separator: "$", omittingEmptySubsequences: false).dropFirst(2).first ?? "") }
        }

        let (old, oldFolder) = try server(cost: 5)
        defer { try? FileManager.default.removeItem(at: oldFolder) }
        try await old.makeApplication(port: 0).test(.live) { client in
            _ = try await client.clerkToken("clerk7")
        }
        #expect(try await storedCost(old) == "05")

        let (new, newFolder) = try server(cost: 4)
        defer { try? FileManager.default.removeItem(at: newFolder) }
        try await new.makeApplication(port: 0).test(.live) { client in
            let (refused, _) = try await client.send(
                .post, "/api/session", #"{"username":"clerk7","password":"wrong-password-1"}"#)
            #expect(refused == .unauthorized)
            #expect(try await storedCost(new) == "05", "a failed sign-in leaves the hash alone")
            _ = try await client.signIn("clerk7", TestCredentials.staffPassword)
            #expect(try await storedCost(new) == "04")
            // The new hash still takes the same password.
            _ = try await client.signIn("clerk7", TestCredentials.staffPassword)
        }
    }
}
