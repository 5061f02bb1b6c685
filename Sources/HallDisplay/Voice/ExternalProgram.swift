import Foundation

/// Runs a program and waits for it (speech engine, audio player). Blocks the calling thread.
enum ExternalProgram {
    /// `name` itself when it contains a slash, else the first match on PATH.
    static func locate(_ name: String) -> URL? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    /// Runs `program` with `arguments`; throws unless it exits with status 0.
    static func run(_ program: String, _ arguments: [String]) throws(VoiceError) {
        guard let url = locate(program) else { throw .programNotFound(program) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .programFailed(program, status: -1, output: error.localizedDescription)
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .programFailed(
                program, status: process.terminationStatus,
                output: String(decoding: output.prefix(500), as: UTF8.self))
        }
    }
}
