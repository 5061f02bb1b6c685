import Foundation
import HallTestSupport
import Testing

/// The real `hallctl` binary against a live `halld` (a `DaemonProcess` on a temporary database and
/// state folder). hallctl's token lives in a folder of the test's own: `$XDG_CONFIG_HOME` and
/// `$HOME` of the child both point into the test's folder and `$HALL_TOKEN` is empty, so neither
/// the user's token nor the passwd home directory is ever read or written.
final class Hallctl {
    /// The password of the first account (`admin`), as `DaemonProcess` starts halld.
    static let adminPassword = "crash-admin-pass"
    /// The token of the rating pad of window 3.
    static let padToken = "hallctl-pad-token-0003"

    /// What one run of hallctl did.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
        /// Standard output and standard error together (ArgumentParser prints errors on the latter).
        var text: String { output + errors }
    }

    let folder: URL
    private(set) var daemon: DaemonProcess

    /// `$XDG_CONFIG_HOME` of the child: hallctl keeps its token at `<this>/hall/token`.
    var configHome: URL { folder.appendingPathComponent("config") }
    var home: URL { folder.appendingPathComponent("home") }
    var databasePath: String { daemon.databasePath }

    /// Whether halld starts as a fresh hall (no admin password: first-run setup).
    private let fresh: Bool

    /// Starts halld on a new temporary folder, at `instant` on halld's clock (see `FakeTime`) or now;
    /// `fresh`: without an admin password, so that it waits for first-run setup.
    init(at instant: Date? = nil, fresh: Bool = false) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-hallctl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
        daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        self.fresh = fresh
        try await start(at: instant)
    }

    /// Stops halld and starts it again on the same database (on a new port), at `instant`.
    func restart(at instant: Date? = nil) async throws {
        stop()
        daemon = try DaemonProcess(databasePath: databasePath)
        try await start(at: instant)
    }

    private func stop() {
        let pid = daemon.processIdentifier
        _ = daemon.terminate()
        if let pid { FakeTime.removeLeftovers(of: pid) }
    }

    private func start(at instant: Date?) async throws {
        let pad = #"devices.ratingPads=[{"id":"pad-3","token":"\#(Self.padToken)","window":3}]"#
        try await daemon.start(
            environment: try instant.map(FakeTime.environment(at:)) ?? [:],
            settings: DaemonProcess.noDevices + [pad], adminPassword: fresh ? nil : Self.adminPassword)
    }

    func close() {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Variables that replace the defaults of `environment` (e.g. an empty `XDG_CONFIG_HOME`).
    var overrides: [String: String] = [:]

    /// The child's environment: the daemon's address and the isolated token location.
    var environment: [String: String] {
        [
            "HALL_URL": daemon.baseURL.absoluteString, "HALL_TOKEN": "",
            "XDG_CONFIG_HOME": configHome.path, "HOME": home.path,
        ].merging(overrides) { $1 }
    }

    /// Runs hallctl with `input` on its standard input.
    func run(_ arguments: [String], input: String = "") throws -> Run {
        let process = Process()
        process.executableURL = try DaemonProcess.binary("hallctl")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        // Files, not pipes: nothing to drain while the child runs.
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        for file in [out, err] where !FileManager.default.createFile(atPath: file.path, contents: nil) { throw CocoaError(.fileWriteUnknown) }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: try String(contentsOf: out, encoding: .utf8),
            errors: try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs hallctl expecting success; returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let run = try run(arguments, input: input)
        #expect(run.status == 0, "hallctl \(arguments.joined(separator: " ")): \(run.text)", sourceLocation: sourceLocation)
        return run.output
    }

    /// Runs hallctl with `--json` expecting success; returns the decoded answer.
    func json(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let output = try ok(arguments + ["--json"], input: input, sourceLocation: sourceLocation)
        guard let value = JSONValue(data: Data(output.utf8)) else {
            throw JSONValue.Refused(description: "hallctl \(arguments.joined(separator: " ")) --json printed no JSON: \(output)")
        }
        return value
    }

    /// Runs hallctl expecting a refusal (non-zero exit); returns what it printed.
    @discardableResult
    func refused(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let run = try run(arguments, input: input)
        #expect(run.status != 0, "hallctl \(arguments.joined(separator: " ")) succeeded: \(run.text)", sourceLocation: sourceLocation)
        return run.text
    }

    /// `hallctl login --username U --password-stdin`.
    func signIn(_ username: String, _ password: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try ok(["login", "--username", username, "--password-stdin"], input: password + "\n", sourceLocation: sourceLocation)
    }

    /// Creates staff accounts as `admin` (each with the password `<username>-pass-2026`), then signs out.
    func addAccounts(_ accounts: [(username: String, name: String, roles: String, department: String?)]) throws {
        try signIn("admin", Self.adminPassword)
        for a in accounts {
            try ok(
                ["account", "add", a.username, "--name", a.name, "--roles", a.roles] + (a.department.map { ["--department", $0] } ?? []),
                input: Self.password(a.username) + "\n")
        }
        try ok(["logout"])
    }

    static func password(_ username: String) -> String { "\(username)-pass-2026" }

    /// A file of the package (`data/…`), for imports.
    static func packageFile(_ path: String) -> String {
        PackagePaths.url(path).path
    }
}
