import Foundation

/// Runs the real `hallctl` binary for the system tests.
enum HallctlProcess {
    /// Runs hallctl with `input` on standard input and `environment` over this process's own;
    /// returns the exit status and standard output + error.
    static func run(_ arguments: [String], input: String = "", environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try DaemonProcess.binary("hallctl")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
