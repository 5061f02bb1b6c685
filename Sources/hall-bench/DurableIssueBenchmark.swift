import Foundation
import HallCore
import HallServer
import HallStore

/// Sequential durable ticket issues in-process against the raw SQLite commit loop, both
/// `synchronous=FULL` in WAL mode, in alternating blocks of a few commits: the disk's flush time
/// changes within seconds here (a neighbour's I/O, the VM's host), and fine alternation makes
/// both sides meet the same disk. The ratio is that of the two rates over the whole run; the
/// ratios of its first and second halves show how steady it was.
enum DurableIssueBenchmark {
    struct Result {
        var rawCommitsPerSecond: Double
        var issuesPerSecond: Double
        var ratio: Double { issuesPerSecond / rawCommitsPerSecond }
        var halves: [Double]
    }

    static func run(folder: URL, count: Int, block: Int = 20) async throws -> Result {
        let raw = RawSQLiteBaseline(path: folder.appendingPathComponent("raw.sqlite").path, synchronous: "FULL")
        let (_, queue, services) = try QueueBenchmarks.inProcessQueue(path: folder.appendingPathComponent("inprocess.sqlite").path)
        let blocks = max(2, count / block)
        var rawSeconds = [0.0, 0.0]
        var issueSeconds = [0.0, 0.0]
        var issued = 0
        for index in 0..<blocks {
            let half = index < blocks / 2 ? 0 : 1
            rawSeconds[half] += Double(block) / raw.commits(block)
            let start = ContinuousClock.now
            for _ in 0..<block {
                _ = try await queue.issue(serviceKey: services[issued % services.count])
                issued += 1
            }
            issueSeconds[half] += (ContinuousClock.now - start).seconds
        }
        let total = Double(blocks * block)
        return Result(
            rawCommitsPerSecond: total / rawSeconds.reduce(0, +), issuesPerSecond: total / issueSeconds.reduce(0, +),
            halves: [rawSeconds[0] / issueSeconds[0], rawSeconds[1] / issueSeconds[1]])
    }
}
