import Foundation
import Testing

/// Where `hallctl login` keeps the session token: `$XDG_CONFIG_HOME/hall/token`, else
/// `$HOME/.config/hall/token` — never the password database's home when `HOME` says otherwise.
@Suite("hallctl token file")
struct HallctlTokenTests {
    @Test("login writes the token under $XDG_CONFIG_HOME, else under $HOME (mode 0600), and later commands read it there")
    func tokenFollowsTheEnvironment() async throws {
        let hall = try await Hallctl()
        defer { hall.close() }
        let xdg = hall.configHome, home = hall.home
        let files = [home.appendingPathComponent(".config/hall/token"), xdg.appendingPathComponent("hall/token")]
        let cases: [(clerk: String, overrides: [String: String], file: URL)] = [
            ("clerk-home", ["XDG_CONFIG_HOME": ""], files[0]),
            ("clerk-xdg", [:], files[1]),
        ]
        for (clerk, overrides, file) in cases {
            hall.overrides = overrides
            try hall.signIn("admin", Hallctl.adminPassword)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file.path)")
            #expect(files.filter { FileManager.default.fileExists(atPath: $0.path) } == [file], "only \(file.path)")
            // A state-changing command signs in with the saved token.
            try hall.ok(["account", "add", clerk, "--name", "李娜", "--roles", "clerk"], input: "clerk-pass-2026\n")
            try hall.ok(["logout"])
            #expect(!FileManager.default.fileExists(atPath: file.path), "logout forgets \(file.path)")
        }
    }
}
