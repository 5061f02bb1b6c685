import Foundation
import HallCore
import HallServer
import HallStore

/// Sequential durable ticket issues in-process against the raw SQLite commit loop, both
/// `synchronous=FULL` in WAL mode, in alternating blocks of a few commits: the disk's flush time
/// changes within seconds here (a neighbour's I/O, the VM's host), and fine alternation makes
/// both sides meet the same disk. The ratio is that of the two rates over the whole run; the
/// ratios of its first and second halves show how steady it was. A second hall database, whose
/// WAL SQLite checkpoints inside the commits (as before `WALCheckpointer`), runs in the same
/// alternation, so both ways are compared in the same run.
enum DurableIssueBenchmark {
    struct Result {
        var rawCommitsPerSecond: Double
        var issuesPerSecond: Double
        var ratio: Double { issuesPerSecond / rawCommitsPerSecond }
        var halves: [Double]
        /// The same with SQLite's checkpoint inside the commits.
        var inCommitCheckpointRatio: Double
        var inCommitCheckpointHalves: [Double]
    }

    static func run(folder: URL, count: Int, block: Int = 20) async throws -> Result {
        let raw = RawSQLiteBaseline(path: folder.appendingPathComponent("raw.sqlite").path, synchronous: "FULL")
        let (_, queue, services) = try QueueBenchmarks.inProcessQueue(path: folder.appendingPathComponent("inprocess.sqlite").path)
        let (_, inCommit, _) = try QueueBenchmarks.inProcessQueue(
            path: folder.appendingPathComponent("incommit.sqlite").path, checkpointsInBackground: false)
        let blocks = max(2, count / block)
        var rawSeconds = [0.0, 0.0]
        var issueSeconds = [0.0, 0.0]
        var inCommitSeconds = [0.0, 0.0]
        for index in 0..<blocks {
            let half = index < blocks / 2 ? 0 : 1
            rawSeconds[half] += Double(block) / raw.commits(block)
            issueSeconds[half] += try await timeIssues(queue, block: block, from: index * block, services: services)
            inCommitSeconds[half] += try await timeIssues(inCommit, block: block, from: index * block, services: services)
        }
        let total = Double(blocks * block)
        let rawRate = total / rawSeconds.reduce(0, +)
        return Result(
            rawCommitsPerSecond: rawRate, issuesPerSecond: total / issueSeconds.reduce(0, +),
            halves: [rawSeconds[0] / issueSeconds[0], rawSeconds[1] / issueSeconds[1]],
            inCommitCheckpointRatio: total / inCommitSeconds.reduce(0, +) / rawRate,
            inCommitCheckpointHalves: [rawSeconds[0] / inCommitSeconds[0], rawSeconds[1] / inCommitSeconds[1]])
    }

    /// Seconds to issue `block` tickets one after another.
    private static func timeIssues(_ queue: QueueService, block: Int, from first: Int, services: [String]) async throws -> Double {
        let start = ContinuousClock.now
        for n in first..<(first + block) { _ = try await queue.issue(serviceKey: services[n % services.count]) }
        return (ContinuousClock.now - start).seconds
    }
}
