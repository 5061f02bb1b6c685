import Foundation
import Testing

/// Where `hallctl login` keeps the session token: `$XDG_CONFIG_HOME/hall/token`, else
/// `$HOME/.config/hall/token` — never the password database's home when `HOME` says otherwise.
@Suite("hallctl token file")
struct HallctlTokenTests {
    @Test("login writes the token under $XDG_CONFIG_HOME, else under $HOME (mode 0600), and later commands read it there")
    func tokenFollowsTheEnvironment() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-hallctl-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        try await daemon.start()
        defer { _ = daemon.terminate() }
        let home = folder.appendingPathComponent("home"), xdg = folder.appendingPathComponent("xdg")
        let files = [home.appendingPathComponent(".config/hall/token"), xdg.appendingPathComponent("hall/token")]
        let cases: [(clerk: String, environment: [String: String], file: URL)] = [
            ("clerk-home", ["HOME": home.path, "XDG_CONFIG_HOME": ""], files[0]),
            ("clerk-xdg", ["HOME": home.path, "XDG_CONFIG_HOME": xdg.path], files[1]),
        ]
        for (clerk, variables, file) in cases {
            let environment = variables.merging(["HALL_URL": daemon.baseURL.absoluteString, "HALL_TOKEN": ""]) { $1 }
            let (status, text) = try HallctlProcess.run(["login", "--username", "admin", "--password-stdin"],
                                                        input: "crash-admin-pass\n", environment: environment)
            #expect(status == 0, "\(text)")
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file.path)")
            #expect(files.filter { FileManager.default.fileExists(atPath: $0.path) } == [file], "only \(file.path)")
            // A state-changing command signs in with the saved token.
            let (added, addedText) = try HallctlProcess.run(["account", "add", clerk, "--name", "李娜", "--roles", "clerk"],
                                                            input: "clerk-pass-2026\n", environment: environment)
            #expect(added == 0, "\(addedText)")
            _ = try HallctlProcess.run(["logout"], environment: environment)
            #expect(!FileManager.default.fileExists(atPath: file.path), "logout forgets \(file.path)")
        }
    }
}
