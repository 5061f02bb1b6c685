import Foundation
import HallTestSupport
import Testing

@testable import HallScanner

/// The scan helper's transport: a child in its own process group, its output through a pipe, killed
/// at its deadline or on cancellation, its end decoded.
struct ChildProcessTests {
    private func shell(_ script: String) -> ChildProcess {
        ChildProcess(executable: "/bin/sh", arguments: ["-c", script], environment: ProcessInfo.processInfo.environment)
    }

    /// Runs and collects the output; returns the ending, the output and the seconds it took.
    private func run(_ process: ChildProcess, timeout: Duration) throws -> (ChildProcess.Ending, String, Double) {
        var output = Data()
        let start = ContinuousClock.now
        let ending = try process.run(timeout: timeout) { chunk in
            output.append(chunk)
            return true
        }
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return (ending, String(decoding: output, as: UTF8.self), Double(seconds) + Double(attoseconds) / 1e18)
    }

    @Test func anExitStatusAndTheOutput() throws {
        let (ending, output, _) = try run(shell("printf hello; exit 3"), timeout: .seconds(10))
        #expect(ending == .init(termination: .exited(3), stoppedBy: nil))
        #expect(output == "hello")
    }

    @Test func aSignalIsACrash() throws {
        let (ending, _, _) = try run(shell("kill -SEGV $$"), timeout: .seconds(10))
        #expect(ending.termination == .signaled(11) && ending.stoppedBy == nil)
    }

    @Test func theDeadlineKillsTheWholeGroup() throws {
        // The grandchild holds the pipe too: were only the child killed, the read would wait for it.
        let marker = "31.4159"
        let (ending, _, seconds) = try run(shell("sleep \(marker) & sleep \(marker)"), timeout: .milliseconds(300))
        #expect(ending == .init(termination: .signaled(9), stoppedBy: .deadline))
        #expect(seconds >= 0.3 && seconds < 1.5, "took \(seconds) s")
        Thread.sleep(forTimeInterval: 0.1)
        #expect(SaneFaultBackend.processes(containing: "sleep \(marker)").isEmpty)
    }

    @Test func cancellingKillsTheChild() async throws {
        let process = shell("sleep 30")
        let started = ContinuousClock.now
        let run = Task.detached { try process.run(timeout: .seconds(30)) { _ in true } }
        try await Task.sleep(for: .milliseconds(200))
        process.cancel()
        let ending = try await run.value
        #expect(ending.stoppedBy == .cancelled && ending.termination == .signaled(9))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func refusedOutputStopsTheChild() throws {
        var chunks = 0
        let ending = try shell("yes").run(timeout: .seconds(10)) { _ in
            chunks += 1
            return false
        }
        #expect(ending.stoppedBy == .rejected && ending.termination == .signaled(9))
        #expect(chunks == 1)
    }

    @Test func aMissingProgramIsASpawnFailure() {
        let process = ChildProcess(executable: "/nonexistent/halld", arguments: [], environment: [:])
        #expect(throws: ChildProcess.SpawnFailure.self) { try process.run(timeout: .seconds(1)) { _ in true } }
    }

    @Test func theChildGetsOnlyItsOwnDescriptors() throws {
        // A descriptor of this process without close-on-exec stays out of the child all the same.
        let opened = open("/dev/null", O_RDONLY)
        let leaked = fcntl(opened, F_DUPFD, 200)
        close(opened)
        defer { close(leaked) }
        try #require(leaked >= 200)
        let (_, output, _) = try run(shell("ls /proc/self/fd"), timeout: .seconds(10))
        let descriptors = output.split(separator: "\n").compactMap { Int($0) }
        #expect(!descriptors.contains(Int(leaked)), "\(descriptors)")
    }
}
