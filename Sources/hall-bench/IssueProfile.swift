import Foundation
import GRDB
import HallCore
import HallServer
import HallStore

/// A hidden driver for profilers: `hall-bench issue-profile N [--trace | --raw | --normal]` issues N tickets in-process
/// (as the durable-issue benchmark does) and prints what it did; `--trace` counts the SQL statements,
/// `--raw` runs N commits of the raw SQLite baseline instead, for comparison. Run it under
/// `valgrind --tool=callgrind` or `strace -f -c` with two values of N: the difference divided by the
/// difference of N is the cost of one issue without the set-up.
enum IssueProfile {
    /// Runs the driver if the arguments ask for it; returns whether it ran.
    static func runIfRequested(_ arguments: [String], folder: URL) async throws -> Bool {
        guard let mode = arguments.firstIndex(of: "issue-profile") else { return false }
        let count = arguments.dropFirst(mode + 1).first.flatMap { Int($0) } ?? 200
        if arguments.contains("--raw") {
            let perSecond = RawSQLiteBaseline.commitsPerSecond(
                path: folder.appendingPathComponent("raw.sqlite").path,
                synchronous: arguments.contains("--normal") ? "NORMAL" : "FULL",
                count: count)
            print(#"{"commits": \#(count), "commits_per_s": \#(perSecond.rounded())}"#)
            return true
        }
        // `--normal` leaves out the fsync per commit, to see what remains (CPU, thread hand-offs).
        let synchronous: StoreConfiguration.Synchronous = arguments.contains("--normal") ? .normal : .full
        let (database, queue, services) = try QueueBenchmarks.inProcessQueue(
            path: folder.appendingPathComponent("profile.sqlite").path, synchronous: synchronous)
        let statements = StatementCounter()
        if arguments.contains("--trace") {
            // The pool has a single writer connection: the trace stays on it for the issues below.
            try await database.pool.barrierWriteWithoutTransaction { db in
                db.trace(options: .statement) { event in statements.add("\(event)") }
            }
        }
        let start = ContinuousClock.now
        for i in 0..<count { _ = try await queue.issue(serviceKey: services[i % services.count]) }
        let seconds = (ContinuousClock.now - start).seconds
        var report: [String: Any] = ["issued": count, "issues_per_s": (Double(count) / seconds).rounded()]
        if arguments.contains("--trace") {
            report["statements"] = statements.total
            report["statements_per_issue"] = Double(statements.total) / Double(max(count, 1))
            report["statement_kinds"] = statements.kinds
        }
        let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: json, as: UTF8.self))
        return true
    }

    /// Counts the statements SQLite runs on the writer connection, by their first words.
    final class StatementCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        func add(_ sql: String) {
            let key = sql.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
            lock.withLock { counts[key, default: 0] += 1 }
        }

        var total: Int { lock.withLock { counts.values.reduce(0, +) } }
        var kinds: [String: Int] { lock.withLock { counts } }
    }
}
