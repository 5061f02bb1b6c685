import Foundation
import HallTestSupport
import Testing

@testable import HallScanner

/// Paths and helpers shared by the scanner tests.
enum TestSupport {
    /// `Tests/HallScannerTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The shipped SANE configuration of the demo hall (`devices/scanners/sane.d`: only the `test`
    /// backend, 8 devices). Every test of the test binary (scanner, server and browser tests) uses this
    /// one directory: libsane fixes it at its first initialisation in a process.
    static let saneConfig = PackagePaths.url("devices/scanners/sane.d")

    /// Points libsane at `saneConfig`.
    static func useSaneFixture() throws {
        let ok = SaneRuntime.shared.useConfigDirectory(saneConfig.path)
        try #require(ok, "libsane was initialised with another configuration directory")
    }

    /// A fresh empty directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hall-scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `directory`, recursively (hidden files included).
    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }

    /// Runs a program found on PATH; returns its exit status and standard output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](data.prefix(24))
        try #require(bytes.count == 24 && bytes[0] == 0x89 && bytes[1] == 0x50 && bytes[12...15] == [0x49, 0x48, 0x44, 0x52])
        func be32(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}

/// Every suite that drives libsane's `test` backend. The backend keeps option values per device
/// for the life of the process (they survive sane_close), so these suites run one test at a time;
/// fault injection (`read-return-value`, `read-delay`) only ever uses `test:1` and always sets
/// every fault option (`SaneFaults`), so `test:0` keeps the defaults.
@Suite(.serialized) enum SaneBacked {}

/// A complete set of the test backend's fault options for `test:1`.
enum SaneFaults {
    static func options(status: String = "Default", delayMicroseconds: Int? = nil) -> [String: String] {
        var options = ["read-return-value": status, "read-delay": "no", "read-limit": "no"]
        if let delayMicroseconds {
            // The duration and size options are active only while their switches are on.
            options["read-delay"] = "yes"
            options["read-delay-duration"] = String(delayMicroseconds)
            options["read-limit"] = "yes"
            options["read-limit-size"] = "4096"
        }
        return options
    }
}

extension TestSupport {
    /// The page count `pdfinfo` reports.
    static func pdfPageCount(_ url: URL) throws -> Int? {
        let info = String(decoding: try run("pdfinfo", [url.path]).output, as: UTF8.self)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
