import Foundation

/// How halld runs libsane out of its own process: each capture and each device listing is one
/// short-lived helper process, by default halld's own binary with the hidden subcommand
/// `scan-helper` (so the package ships no second program). A backend that hangs or crashes costs
/// that helper, which halld kills at its deadline, never the daemon.
public struct SaneHelper: Sendable {
    /// The hidden subcommand of halld that runs one request (`SaneHelperChild`).
    public static let subcommand = "scan-helper"

    /// The program to run.
    public var executable: String
    /// Its arguments before the request (the subcommand).
    public var arguments: [String]
    /// Variables added to halld's environment for the helper (e.g. `LD_LIBRARY_PATH` for a
    /// backend outside libsane's folder).
    public var environment: [String: String]
    /// How long after a capture's own time limit a helper that has not ended is killed: the helper
    /// first cancels the scan itself (`sane_cancel`) at the limit, and a backend that ignores that
    /// is hung.
    public var killGrace: Duration
    /// How long a device listing may take before its helper is killed.
    public var listTimeout: Duration

    /// Creates a helper command.
    public init(
        executable: String, arguments: [String] = [SaneHelper.subcommand], environment: [String: String] = [:],
        killGrace: Duration = .seconds(2), listTimeout: Duration = .seconds(15)
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.killGrace = killGrace
        self.listTimeout = listTimeout
    }

    /// halld's own binary when this process is halld (`/proc/self/exe`, the very build that runs,
    /// even after a package upgrade replaced the file), else a `halld` beside this program (a test
    /// binary in `.build/debug`); nil when there is none.
    public static func locate() -> SaneHelper? {
        guard let current = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let url = URL(fileURLWithPath: current)
        if url.lastPathComponent.hasPrefix("halld") { return SaneHelper(executable: "/proc/self/exe") }
        let sibling = url.deletingLastPathComponent().appendingPathComponent("halld").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? SaneHelper(executable: sibling) : nil
    }

    /// The same helper with `directory` first on the helper's library path (extra SANE backends).
    public func addingLibraryDirectory(_ directory: String) -> SaneHelper {
        guard !directory.isEmpty else { return self }
        var copy = self
        let inherited = environment["LD_LIBRARY_PATH"] ?? ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"]
        copy.environment["LD_LIBRARY_PATH"] = [directory, inherited].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ":")
        return copy
    }

    /// Runs one request and returns the messages of its report and how the helper ended.
    func run(_ request: SaneHelperRequest, timeout: Duration) async throws(ScannerError) -> ([SaneHelperMessage], ChildProcess.Ending) {
        var variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // A crashing backend ends the helper at once: no Swift backtrace (seconds, pages of log).
        variables["SWIFT_BACKTRACE"] = variables["SWIFT_BACKTRACE"] ?? "enable=no"
        let process = ChildProcess(executable: executable, arguments: arguments + [request.argument()], environment: variables)
        let outcome: Result<([SaneHelperMessage], ChildProcess.Ending), ScannerError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A thread of its own: the run blocks on the pipe and the process, up to the deadline.
                Thread.detachNewThread {
                    var decoder = SaneHelperDecoder()
                    var refusal: ScannerError?
                    do {
                        let ending = try process.run(timeout: timeout) { chunk in
                            do throws(ScannerError) {
                                try decoder.feed(chunk)
                                return true
                            } catch {
                                refusal = error
                                return false
                            }
                        }
                        if refusal == nil, ending.stoppedBy == nil, ending.termination == .exited(0) {
                            do throws(ScannerError) { try decoder.finish() } catch { refusal = error }
                        }
                        continuation.resume(returning: refusal.map { .failure($0) } ?? .success((decoder.messages, ending)))
                    } catch {
                        continuation.resume(returning: .failure(.io("cannot start the scan helper: \(error)")))
                    }
                }
            }
        } onCancel: {
            process.cancel()
        }
        return try outcome.get()
    }
}
