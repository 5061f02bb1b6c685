import Foundation
import HallCore

/// `<stateDirectory>/setup-code`: the one-time setup code for whoever may read the state directory
/// (mode 0600, the daemon's user), removed once setup is complete.
struct SetupCodeFile: Sendable {
    let url: URL

    init(stateDirectory: String) {
        url = URL(fileURLWithPath: stateDirectory).appendingPathComponent("setup-code")
    }

    /// Writes `code` (replacing an older file, which held the code of an earlier start).
    func write(_ code: SetupCode) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data((code.description + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw ConfigurationError.invalidValue(key: "stateDirectory", reason: "cannot write \(url.path)")
        }
    }

    /// Removes the file (setup is complete: the code is void).
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
