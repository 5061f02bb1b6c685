import Foundation
import Testing

/// Runs one test of this test binary in a child process, for what needs a fresh process (libsane
/// fixes its configuration directory at first init) or a preloaded one (umockdev-wrapper).
enum ChildRun {
    /// Runs the test `filter` with `variable=1` set, optionally under `wrapper`; expects it to pass.
    static func expectPasses(filter: String, testName: String, variable: String, wrapper: [String] = []) throws {
        let executable = try #require(Bundle.main.executablePath ?? CommandLine.arguments.first)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = wrapper + [executable, "--testing-library", "swift-testing", "--filter", filter]
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "child run failed:\n\(output)")
        let passed = output.split(separator: "\n").contains { $0.contains(testName) && $0.contains("passed") }
        #expect(passed, "the child test did not run and pass:\n\(output)")
    }

    /// Whether this process is the child for `variable`.
    static func isChild(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable] == "1"
    }
}
