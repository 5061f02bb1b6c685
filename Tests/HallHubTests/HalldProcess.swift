import Foundation
import HallTestSupport

/// The real `halld` binary as a child process, linked to a hub, that a test can `kill -9`.
final class HalldProcess {
    static let kioskToken = "hub-test-kiosk-token-0001"
    let port: Int
    let databasePath: String
    let settings: [String]
    private var process: Process?

    init(databasePath: String, settings: [String]) throws {
        self.databasePath = databasePath
        self.settings = settings
        port = try FreePort.next()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func start() async throws {
        let process = Process()
        process.executableURL = try Self.binary("halld")
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        process.arguments =
            [
                "--port", String(port), "--database", databasePath, "--set", "stateDirectory=\"\(folder)\"",
                "--set", #"devices.kiosks=[{"id":"kiosk-hub","token":"\#(Self.kioskToken)"}]"#,
                "--set", "accounts.passwordCost=4", "--set", "extendedHours.refuseTicketsAfterClosing=false",
                "--set", #"accounts.initialAdminPassword="hub-admin-pass""#,
                "--set", #"hardware.ticketPrinter.transport="none""#, "--set", #"hardware.displays.transport="none""#,
                "--set", "hardware.voice.enabled=false",
            ] + settings.flatMap { ["--set", $0] }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<400 {
            if (try? await HubHTTP.get("\(baseURL)/healthz"))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestFailure("halld did not start")
    }

    /// Issues a ticket at the kiosk; true when it was issued.
    func issueTicket(service: String) async throws -> Bool {
        try await HubHTTP.post("\(baseURL)/api/tickets", Data(#"{"service":"\#(service)"}"#.utf8), secret: Self.kioskToken).status
            == 201
    }

    /// SIGKILL: no chance to finish the batch or record anything.
    func kill9() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { kill9() }

    /// A built product next to the test bundle (`.build/debug/NAME`).
    static func binary(_ name: String) throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = PackagePaths.url(".build/debug/\(name)")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else { throw TestFailure("\(name) is not built") }
        return fallback
    }
}
