import Foundation
import HallHub
import HallServer
import HallTestSupport
import Testing

/// The hub's configuration layers (as halld's: defaults, file, flags), halld's `hub` keys, and the
/// `hall-hub` command on a real PostgreSQL.
@Suite(.serialized) struct HubConfigurationTests {
    @Test func defaultsThenFileThenFlags() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID()).json")
        try #"{"listen": {"port": 9101}, "database": {"name": "banner", "maxConnections": 4}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let c = try HubConfigurationLoader.load(file: file.path, overrides: ["listen.port=9102", #"database.username="hub""#])
        #expect(c.listen.port == 9102 && c.listen.host == "127.0.0.1")
        #expect(c.database.name == "banner" && c.database.maxConnections == 4 && c.database.username == "hub")
        #expect(c.database.socketPath == HubConfiguration.defaults.database.socketPath)
        #expect(throws: HubConfigurationError.unknownKey("listen.prot")) {
            try HubConfigurationLoader.load(file: nil, overrides: ["listen.prot=1"])
        }
        #expect(throws: HubConfigurationError.invalidValue(key: "database.maxConnections", reason: "must be 1…200")) {
            try HubConfigurationLoader.load(file: nil, overrides: ["database.maxConnections=0"])
        }
    }

    @Test func halldsHubKeysAreCheckedAndTheCodeIsMasked() throws {
        let c = try ConfigurationLoader.load(
            file: nil, environment: [:],
            overrides: [#"hub.url="https://hub.example""#, #"hub.hall="town-a""#, #"hub.enrollmentCode="K7QM-3WXP-9TDR""#])
        #expect(c.hub.isEnabled && c.hub.hall == "town-a")
        #expect(c.maskingSecrets().hub.enrollmentCode == HallConfiguration.maskedSecret)
        #expect(!(try ConfigurationLoader.load(file: nil, environment: [:], overrides: []).hub.isEnabled))
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: [#"hub.url="https://hub.example""#, #"hub.hall="Town A""#])
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: [#"hub.url="ftp://hub""#, #"hub.hall="a""#])
        }
    }

    @Test func theHubCommandMigratesIssuesCodesAndListsHalls() async throws {
        let postgres = try PostgresServer()
        try await postgres.start()
        defer { postgres.stop() }
        try postgres.createDatabase("hub")
        let settings = [
            "--set", #"database.socketPath="\#(postgres.socketPath)""#, "--set", #"database.username="\#(PostgresServer.user)""#,
            "--set", #"database.name="hub""#,
        ]
        #expect(try run(["migrate"] + settings).output.contains("applied: 1"))
        #expect(try run(["migrate"] + settings).output.contains("up to date"))
        let issued = try run(["issue-code", "--hall", "town-a", "--name", "甲镇便民服务中心", "--by", "banner-admin"] + settings)
        #expect(issued.status == 0)
        #expect(issued.output.trimmingCharacters(in: .whitespacesAndNewlines).count == 14)
        #expect(try postgres.psql("SELECT actor || ' ' || action FROM hub_audit", database: "hub") == "banner-admin enrollment_code.issued")
        let listed = try run(["halls"] + settings)
        #expect(listed.output.contains(#""id" : "town-a""#) && listed.output.contains("甲镇便民服务中心"))
        let refused = try run(["issue-code", "--hall", "Town A", "--name", "x"] + settings)
        #expect(refused.status != 0)
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try HalldProcess.binary("hall-hub")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
