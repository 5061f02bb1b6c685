import Foundation

/// Where hallctl keeps its session token: `$HALL_TOKEN` wins; otherwise the file
/// `$XDG_CONFIG_HOME/hall/token`, else `$HOME/.config/hall/token` (the account's home from the
/// password database only when `HOME` is unset), written with mode 0600.
enum TokenStore {
    static var file: URL { file(environment: ProcessInfo.processInfo.environment) }

    /// The token file for `environment`: empty variables count as unset.
    static func file(environment: [String: String]) -> URL {
        func path(_ name: String) -> URL? { environment[name].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) } }
        let base =
            path("XDG_CONFIG_HOME")
            ?? (path("HOME") ?? FileManager.default.homeDirectoryForCurrentUser).appendingPathComponent(".config")
        return base.appendingPathComponent("hall").appendingPathComponent("token")
    }

    /// The token to send, if any.
    static func current() -> String? {
        if let token = ProcessInfo.processInfo.environment["HALL_TOKEN"], !token.isEmpty { return token }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// Saves `token` readable by the current user only.
    static func save(_ token: String) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.removeItem(at: file)
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data((token + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    static func remove() { try? FileManager.default.removeItem(at: file) }
}
