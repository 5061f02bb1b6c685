import Foundation
import HallCore
import HallHub
import Testing

/// `hall-hub create-admin`, the real binary: the first banner administrator from the command line,
/// with the password from standard input, refused once one exists.
@Suite(.serialized) struct CreateAdminCommandTests {
    /// Runs `hall-hub create-admin` against the test bed's database; returns its exit status and output.
    static func createAdmin(_ hub: HubTestBed, username: String, password: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try HalldProcess.binary("hall-hub")
        process.arguments = [
            "create-admin", "--username", username, "--display-name", "张伟",
            "--set", "database.socketPath=\"\(hub.configuration.database.socketPath)\"",
            "--set", "database.username=\"\(hub.configuration.database.username)\"",
            "--set", "database.name=\"\(hub.configuration.database.name)\"", "--set", "accounts.passwordCost=4",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data((password + "\n").utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func theFirstAdministratorComesFromTheCommandLineOnce() async throws {
        let hub = try await HubTestBed()
        let weak = try Self.createAdmin(hub, username: "chief", password: "chief")
        #expect(weak.0 != 0 && weak.1.contains("密码太弱"), "\(weak.1)")
        let made = try Self.createAdmin(hub, username: "chief", password: "banner-admin-2026")
        #expect(made.0 == 0, "\(made.1)")
        let again = try Self.createAdmin(hub, username: "second", password: "banner-admin-2026")
        #expect(again.0 != 0 && again.1.contains("exists already"), "\(again.1)")
        #expect(try await hub.store.accounts().map(\.username) == ["chief"])
        let client = BannerClient(hub.url)
        #expect(try await client.signIn("chief", "banner-admin-2026").status == 200)
        #expect(try await hub.store.auditTrail().contains { $0.action == "account.created" && $0.actor.hasPrefix("command-line:") })
        await hub.shutdown()
    }
}
