import Foundation

/// Files the repository ships (`data/`, `devices/`, `scripts/`), found from this file's place in
/// the checkout, for every test target.
public enum PackagePaths {
    /// The package root (this file is `Tests/HallTestSupport/PackagePaths.swift`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file or folder of the package, e.g. `url("data/calendar/cn-2026.json")`.
    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
