import Foundation
import HallTestSupport

/// A program the tests start (hall-emulator, hallctl under umockdev): its output lines as they
/// come, its standard input, and its end.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errText = ""

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.outLines += text.split(separator: "\n").map(String.init) }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.errText += text }
        }
        try process.run()
    }

    deinit { stop() }

    var lines: [String] { lock.withLock { outLines } }
    var standardError: String { lock.withLock { errText } }

    /// Writes a line to the program's standard input.
    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    /// Waits up to `seconds` for a line containing `text`.
    @discardableResult
    func wait(for text: String, seconds: Double = 20) -> String? {
        let end = Date(timeIntervalSinceNow: seconds)
        while Date() < end {
            if let line = lines.first(where: { $0.contains(text) }) { return line }
            usleep(20_000)
        }
        return nil
    }

    /// Waits up to `seconds` for the program to end; its exit status, or nil when it is still running.
    func waitForExit(seconds: Double = 30) -> Int32? {
        let end = Date(timeIntervalSinceNow: seconds)
        while process.isRunning, Date() < end { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
    }

    /// A product built next to the tests (`.build/debug/NAME`).
    static func built(_ name: String) -> String? {
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let candidates = [
            argument0.deletingLastPathComponent(), argument0.deletingLastPathComponent().deletingLastPathComponent(),
            PackagePaths.url(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// umockdev-wrapper, when installed.
    static var umockdevWrapper: String? {
        ["/usr/bin/umockdev-wrapper", "/usr/local/bin/umockdev-wrapper"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
