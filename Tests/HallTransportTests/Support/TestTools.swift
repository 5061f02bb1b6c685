import Foundation
import HallTestSupport

/// Locates the programs the USB tests run: this package's built helpers and umockdev's tools.
enum TestTools {
    /// The fixtures directory (umockdev descriptions and ioctl scripts).
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Path of a fixture file.
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A product built next to the test bundle (`swift test` builds `hall-usb-probe` and
    /// `hall-usb-testbed` because the test target depends on them), else in `.build/debug`.
    static func builtProduct(_ name: String) -> String? {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        directories.append(argument0.deletingLastPathComponent())
        // On Linux the test bundle is a directory or an executable inside .build/<triple>/debug.
        directories.append(argument0.deletingLastPathComponent().deletingLastPathComponent())
        directories.append(PackagePaths.url(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A program found on PATH.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
