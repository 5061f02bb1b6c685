import Foundation

/// The finished run of a child process.
struct ProcessRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The stdout lines that are JSON objects, decoded.
    var lines: [ProbeLine] {
        stdout.split(separator: "\n").compactMap { line in
            try? JSONDecoder().decode(ProbeLine.self, from: Data(line.utf8))
        }
    }

    /// Lines printed for step `op` (in order).
    func steps(_ op: String) -> [ProbeLine] { lines.filter { $0.op == op } }

    /// Runs `executable` with `arguments`, killing it after `timeoutSeconds`.
    static func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = [:], timeoutSeconds: Double = 30
    ) throws -> ProcessRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: watchdog)
        let errorData = ErrorCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return ProcessRun(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: errorData.finish())
    }
}

/// Reads a pipe on a background thread so a chatty stderr cannot block the child.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// One JSON line printed by `hall-usb-probe` or `hall-usb-testbed`.
struct ProbeLine: Decodable, Sendable, Equatable {
    var op: String?
    var ok: Bool?
    var error: String?
    var message: String?
    var data: String?
    var bytes: Int?
    var event: String?
    var mode: String?
    var device: String?
    var vendor: String?
    var product: String?
    var testbed: String?
    // hall-usb-testbed's USB-serial bridge (usb_serial.c)
    var chip: String?
    var baud: Int?
    var format: String?
    var dtr: Bool?
    var rts: Bool?
    var type: String?
    var request: String?
    var value: String?
    var index: String?
    var address: String?
}
