import Foundation
import HallCore
import Testing

/// "No secrets in logs" and `--print-config`, checked on the real `halld` binary.
@Suite("Secrets stay out of logs and printed configuration", .serialized)
struct SecretsTests {
    static let adminPassword = "admin-secret-Pw-7731"
    static let padToken = "pad-secret-token-48213"
    static let printerPassword = "printer-secret-pw-5521"

    /// Runs `halld ARGS` to completion and returns its standard output.
    static func run(_ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = try DaemonProcess.binary("halld")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    @Test("--print-config masks the initial admin password, every device token and a printer URI's password")
    func printConfig() throws {
        let output = try Self.run(
            [
                "--print-config",
                "--set", #"devices.kiosks=[{"id":"kiosk-1","token":"kiosk-secret-token-0001"}]"#,
                "--set", #"devices.screens=[{"id":"screen-1","token":"screen-secret-token-001"}]"#,
                "--set", #"devices.ratingPads=[{"id":"pad-3","token":"\#(Self.padToken)","window":3}]"#,
                "--set", #"officePrinter.destination="ipp://hall:\#(Self.printerPassword)@192.0.2.20:631/ipp/print""#,
            ], environment: ["HALL_ADMIN_PASSWORD": Self.adminPassword])
        let config = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(config != nil, "the output is still the configuration as JSON: \(output.prefix(300))")
        for secret in [Self.adminPassword, "kiosk-secret-token-0001", "screen-secret-token-001", Self.padToken, Self.printerPassword] {
            #expect(!output.contains(secret), "\(secret) printed")
        }
        #expect(output.contains(#""initialAdminPassword" : "********""#))
        #expect(
            output.contains(#""id" : "pad-3""#) && output.contains("ipp://hall:********@192.0.2.20:631/ipp/print"),
            "what is not secret stays visible")
    }

    @Test("a busy daemon at trace level logs no password, session token, device token or ticket key")
    func logs() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("halld.log")
        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        try await daemon.start(
            environment: ["LOG_LEVEL": "trace", "HALL_ADMIN_PASSWORD": Self.adminPassword],
            settings: DaemonProcess.noDevices + [
                #"devices.ratingPads=[{"id":"pad-3","token":"\#(Self.padToken)","window":3}]"#,
                #"accounts.initialAdminPassword="\#(Self.adminPassword)""#,
            ],
            log: log)
        let api = daemon.baseURL.appendingPathComponent("api")
        // Sign in (right and wrong password), act with the session token and device tokens, use bogus ones.
        let signIn = try await HTTP.post(
            api.appendingPathComponent("session"),
            json: #"{"username":"admin","password":"\#(Self.adminPassword)"}"#)
        #expect(signIn.status == 201)
        let token = try #require((try JSONSerialization.jsonObject(with: signIn.body) as? [String: Any])?["token"] as? String)
        _ = try await HTTP.post(api.appendingPathComponent("session"), json: #"{"username":"admin","password":"wrong-\#(Self.adminPassword)"}"#)
        _ = try await HTTP.post(
            api.appendingPathComponent("accounts"),
            json: #"{"username":"clerk9","displayName":"李娜","roles":["clerk"],"password":"clerk-secret-pw-9"}"#, token: token)
        let issued = try await HTTP.post(api.appendingPathComponent("tickets"), json: #"{"service":"社保医保"}"#, token: DaemonProcess.kioskToken)
        #expect(issued.status == 201)
        _ = try await HTTP.post(api.appendingPathComponent("rating-pad"), json: #"{"ticket":1,"level":"satisfied"}"#, token: Self.padToken)
        _ = try await HTTP.post(api.appendingPathComponent("tickets/1/rating"), json: #"{"key":"guessed-key-000000000","level":"satisfied"}"#)
        _ = try await HTTP.post(api.appendingPathComponent("windows/3/call-next"), json: "{}", token: "bogus-token-\(Self.padToken)")
        _ = try await HTTP.post(api.appendingPathComponent("tickets"), json: String(repeating: "x", count: 2 << 20), token: token)
        #expect(daemon.terminate() == 0)

        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("halld ready"), "the log was captured: \(text.prefix(500))")
        for secret in [Self.adminPassword, token, DaemonProcess.kioskToken, Self.padToken, "clerk-secret-pw-9", "guessed-key-000000000"] {
            #expect(!text.contains(secret), "a secret reached the log")
        }
        #expect(!text.contains("李娜"), "no personal names in the log")
    }
}
