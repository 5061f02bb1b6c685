import Foundation
import HallCore
import HallServer
import HallStore

/// Sequential durable ticket issues in-process against the raw SQLite commit loop, both
/// `synchronous=FULL` in WAL mode, in alternating blocks of a few commits: the disk's flush time
/// changes within seconds here (a neighbour's I/O, the VM's host), and fine alternation makes
/// both sides meet the same disk. The ratio is that of the two rates over the whole run; the
/// ratios of its first and second halves show how steady it was.
///
/// Both sides are warmed up first, until each WAL file has wrapped once (`warmUp`): a commit that
/// still grows its WAL file also flushes the file's new size. Unwarmed, the raw loop's first
/// thousand commits were the slower ones, and the ratio's first half (0.80–0.85) overstated the
/// steady state of its second (0.50–0.54).
///
/// A third side, `IssueSQLBaseline`, runs an issue's statements through the C API in the same
/// alternation: where an issue stands between it and the raw commit says whose work is left. A
/// fourth, its `floor` shape, writes only what any durable issue must (a ticket, its number's
/// uniqueness, an event): the ratio no design of the issue can pass on this disk.
enum DurableIssueBenchmark {
    struct Result {
        var rawCommitsPerSecond: Double
        var issuesPerSecond: Double
        var issueSQLPerSecond: Double
        var floorPerSecond: Double
        var ratio: Double { issuesPerSecond / rawCommitsPerSecond }
        var sqlRatio: Double { issueSQLPerSecond / rawCommitsPerSecond }
        var floorRatio: Double { floorPerSecond / rawCommitsPerSecond }
        var halves: [Double]
    }

    static func run(folder: URL, count: Int, block: Int = 20) async throws -> Result {
        let raw = RawSQLiteBaseline(path: folder.appendingPathComponent("raw.sqlite").path, synchronous: "FULL")
        let sql = try IssueSQLBaseline(path: folder.appendingPathComponent("issue-sql.sqlite").path)
        let floorSQL = try IssueSQLBaseline(path: folder.appendingPathComponent("issue-floor.sqlite").path, shape: .floor)
        let (_, queue, services) = try QueueBenchmarks.inProcessQueue(path: folder.appendingPathComponent("inprocess.sqlite").path)
        try await warmUp(raw: raw, sql: [sql, floorSQL], queue: queue, services: services)
        let blocks = max(2, count / block)
        var rawSeconds = [0.0, 0.0]
        var issueSeconds = [0.0, 0.0]
        var sqlSeconds = 0.0
        var floorSeconds = 0.0
        var issued = 0
        for index in 0..<blocks {
            let half = index < blocks / 2 ? 0 : 1
            rawSeconds[half] += Double(block) / raw.commits(block)
            sqlSeconds += Double(block) / sql.commits(block)
            floorSeconds += Double(block) / floorSQL.commits(block)
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
            issueSQLPerSecond: total / sqlSeconds, floorPerSecond: total / floorSeconds,
            halves: [rawSeconds[0] / issueSeconds[0], rawSeconds[1] / issueSeconds[1]])
    }

    /// Commits past the first checkpoint of each WAL (1,000 pages at SQLite's default): the raw
    /// loop writes one page per commit, an issue and its statements about five, the floor three.
    static func warmUp(raw: RawSQLiteBaseline, sql: [IssueSQLBaseline], queue: QueueService, services: [String]) async throws {
        _ = raw.commits(1_200)
        for baseline in sql { _ = baseline.commits(400) }
        for i in 0..<300 { _ = try await queue.issue(serviceKey: services[i % services.count]) }
    }
}
