import Foundation
import Testing

/// Runs command-line tools the tests read documents back with (pdftotext, pdfinfo, pdftoppm,
/// zbarimg). A missing tool fails the test loudly: `make test` installs them.
public enum ExternalTool {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
    }

    public static func run(_ name: String, _ arguments: [String]) throws -> Result {
        let path = try #require(locate(name), "\(name) is not installed (see the report's package list)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    public static func locate(_ name: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/usr/sbin", "/bin"] {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
