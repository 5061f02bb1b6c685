import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A program run in a process group of its own, its standard output read through a pipe, killed
/// (the whole group, SIGKILL) at a deadline or on cancellation. Knows nothing of what the program
/// says: the caller reads its output.
///
/// The answer never waits on an unkillable process: after a kill the run waits at most
/// `reapGrace` for the exit, then answers and leaves a thread to reap the process when it ends.
final class ChildProcess: Sendable {
    /// How the process ended.
    enum Termination: Sendable, Equatable {
        /// `exit(status)`.
        case exited(Int32)
        /// Killed by a signal.
        case signaled(Int32)
    }

    /// Why halld stopped the process, if it did.
    enum Stop: Sendable, Equatable {
        /// Still running at the deadline.
        case deadline
        /// The caller was cancelled.
        case cancelled
        /// The caller refused its output (e.g. a malformed report).
        case rejected
    }

    /// The end of one run.
    struct Ending: Sendable, Equatable {
        /// How the process ended; nil when it was killed and had not ended after `reapGrace`.
        var termination: Termination?
        var stoppedBy: Stop?
    }

    /// The process could not be started.
    struct SpawnFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// How long a killed process may take to end before the run answers without it.
    static let reapGrace: Duration = .seconds(2)

    let executable: String
    let arguments: [String]
    let environment: [String: String]
    /// The running process (0 before the start and once reaped) and whether cancellation was asked.
    let state = Mutex<(pid: pid_t, cancelled: Bool)>((0, false))

    /// A program and its arguments (without the program's name) and its whole environment.
    init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// Kills the process and what it started, from any thread; the run ends as `cancelled`.
    func cancel() {
        state.withLock { state in
            state.cancelled = true
            if state.pid > 0 { kill(-state.pid, SIGKILL) }
        }
    }

    /// Starts the program and passes its standard output to `output` as it arrives (returning false
    /// stops the run: the process is killed); blocks the calling thread until the process ends or,
    /// killed, `reapGrace` passed. Standard input is `/dev/null`, standard error is halld's.
    func run(timeout: Duration, output: (Data) -> Bool) throws(SpawnFailure) -> Ending {
        let deadline = ContinuousClock.now + timeout
        let (pid, readEnd) = try spawn()
        defer { close(readEnd) }
        var stop: Stop?
        if state.withLock({ $0.cancelled }) { stop = .cancelled }
        var killedAt: ContinuousClock.Instant?
        func kill(_ reason: Stop) {
            guard killedAt == nil else { return }
            stop = stop ?? reason
            killedAt = .now
            // Never with pid 0: kill(0, …) would signal halld's own process group.
            state.withLock { if $0.pid > 0 { _ = Glibc.kill(-$0.pid, SIGKILL) } }
        }
        if stop != nil { kill(.cancelled) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        reading: while true {
            let limit = killedAt.map { $0 + Self.reapGrace } ?? deadline
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Self.milliseconds(until: limit))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 {
                if killedAt != nil { break }  // a grandchild outside the group still holds the pipe
                kill(.deadline)
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            switch count {
            case 0: break reading
            case ..<0: if errno != EINTR && errno != EAGAIN { break reading }
            default:
                if killedAt == nil, !output(Data(buffer[0..<count])) { kill(.rejected) }
            }
        }
        if state.withLock({ $0.cancelled }) { stop = .cancelled }
        let termination = reap(pid, deadline: deadline, kill: kill, killedAt: { killedAt })
        if state.withLock({ $0.cancelled }) { stop = .cancelled }
        return Ending(termination: termination, stoppedBy: stop)
    }

    /// Waits for the process to end: until the deadline, then it is killed and waited for at most
    /// `reapGrace`. Returns nil when it has still not ended (a thread then reaps it later).
    private func reap(
        _ pid: pid_t, deadline: ContinuousClock.Instant, kill: (Stop) -> Void, killedAt: () -> ContinuousClock.Instant?
    ) -> Termination? {
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                state.withLock { $0.pid = 0 }
                return Self.termination(status)
            }
            if result < 0, errno != EINTR {
                state.withLock { $0.pid = 0 }
                return nil
            }
            if let killed = killedAt() {
                if ContinuousClock.now >= killed + Self.reapGrace {
                    Thread.detachNewThread {
                        var status: Int32 = 0
                        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                    }
                    state.withLock { $0.pid = 0 }
                    return nil
                }
            } else if ContinuousClock.now >= deadline {
                kill(.deadline)
            }
            usleep(5_000)
        }
    }

    /// Decodes a `waitpid` status (the WIFEXITED / WTERMSIG macros, which Swift does not import).
    static func termination(_ status: Int32) -> Termination {
        status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    }

    private static func milliseconds(until instant: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: instant)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(min(Int64(Int32.max / 2), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
    }
}
