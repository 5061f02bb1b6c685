import Foundation
import HallServer

/// hall-bench: measures Hall and prints one JSON object. Figures that have a baseline are
/// reported as ratios against it, measured in the same run on the same machine.
///
///   hall-bench [--quick] [durable | reads]   (only the durable issues, or only the reads with a long queue)
///   hall-bench hub-catchup [--quick | --days=N]   (the banner hub's catch-up vs PostgreSQL COPY, HubCatchUpBenchmark)
///   hall-bench hub-dashboard [--quick | --days=N]   (the banner dashboard's query times, HubDashboardBenchmark)
///   hall-bench hub-catchup hub-dashboard --catchup-days=N --days=M   (both in one run)
///   hall-bench issue-profile N [--trace | --raw | --normal]   (a driver for profilers, see IssueProfile)
let quick = CommandLine.arguments.contains("--quick")
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
if CommandLine.arguments.contains("hub-dashboard") || CommandLine.arguments.contains("hub-catchup") {
    // Both may be asked for at once: one JSON with both, measured in the same run.
    let days = CommandLine.arguments.first { $0.hasPrefix("--days=") }.flatMap { Int($0.dropFirst("--days=".count)) }
    let catchUpDays = CommandLine.arguments.first { $0.hasPrefix("--catchup-days=") }
        .flatMap { Int($0.dropFirst("--catchup-days=".count)) }
    var result: [String: Any] = ["quick": quick]
    if CommandLine.arguments.contains("hub-catchup") {
        result["hub_catchup"] = try await HubCatchUpBenchmark.run(quick: quick, days: catchUpDays ?? days)
    }
    if CommandLine.arguments.contains("hub-dashboard") {
        result["hub_dashboard"] = try await HubDashboardBenchmark.run(quick: quick, days: days)
    }
    let json = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: json, as: UTF8.self))
    try? FileManager.default.removeItem(at: folder)
    exit(0)
}
if try await IssueProfile.runIfRequested(CommandLine.arguments, folder: folder) {
    try? FileManager.default.removeItem(at: folder)
    exit(0)
}
var report: [String: Any] = ["machine": ["cores": ProcessInfo.processInfo.activeProcessorCount], "quick": quick]
let onlyReads = CommandLine.arguments.contains("reads")
let onlyDurable = CommandLine.arguments.contains("durable")
/// The raw SQLite commit rate of section 1, the baseline of section 2 too.
var raw = 0.0
/// Rounded to three decimals, as every ratio and millisecond figure is reported.
func thousandths(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

if !onlyReads {
    // 1. Durable issues in-process vs. the raw SQLite commit loop (both synchronous=FULL, WAL), in
    //    alternating blocks.
    let commits = quick ? 300 : 3000
    let durable = try await DurableIssueBenchmark.run(folder: folder, count: commits)
    raw = durable.rawCommitsPerSecond
    report["durable_issue"] = [
        "sqlite_raw_commits_per_s": raw.rounded(),
        "hall_issues_per_s": durable.issuesPerSecond.rounded(),
        // Hall issues per raw SQLite commit over the whole run, and over each half of it.
        "issue_vs_raw_commit_ratio": thousandths(durable.ratio),
        // An issue's statements alone through the C API (IssueSQLBaseline), per raw SQLite commit.
        "issue_sql_per_s": durable.issueSQLPerSecond.rounded(),
        "issue_sql_vs_raw_commit_ratio": thousandths(durable.sqlRatio),
        // The least any durable issue writes (a ticket, its number's index, an event), through the C API.
        "issue_floor_per_s": durable.floorPerSecond.rounded(),
        "issue_floor_vs_raw_commit_ratio": thousandths(durable.floorRatio),
        "ratio_by_half": durable.halves.map(thousandths),
        "target_ratio": 0.8,
    ]
}

if !onlyReads && !onlyDurable {
    // 2. HTTP ticket issues over loopback.
    let http = try await QueueBenchmarks.httpIssues(folder: folder, connections: 16, perConnection: quick ? 30 : 400)
    report["http_issue"] = [
        "issues_per_s": http.perSecond.rounded(),
        "p50_ms": (http.p50 * 100).rounded() / 100,
        "p99_ms": (http.p99 * 100).rounded() / 100,
        "errors": http.errors,
        "connections": 16,
        "ratio_to_raw_sqlite": thousandths(http.perSecond / raw),
        "target_per_s": 2000,
    ]

    // 3. halld start-up and idle memory with a year of tickets.
    let yearTickets = quick ? 20_000 : 200_000
    let yearDB = folder.appendingPathComponent("year.sqlite").path
    try DaemonStartupBenchmark.fillYear(path: yearDB, count: yearTickets)
    let halld = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("halld")
    if FileManager.default.isExecutableFile(atPath: halld.path) {
        let startup = try DaemonStartupBenchmark.measure(halld: halld, databasePath: yearDB, tickets: yearTickets)
        report["halld_startup"] = [
            "tickets_in_database": startup.tickets, "time_to_ready_s": (startup.readySeconds * 1000).rounded() / 1000,
            "idle_rss_mib": (Double(startup.idleRSSKiB) / 1024 * 10).rounded() / 10,
        ]
    } else {
        report["halld_startup"] = ["error": "halld not built next to hall-bench"]
    }

    // 4. Ticket encoding (ESC/POS bytes ready) next to python-escpos building the same ticket.
    report["ticket_encoding"] = PrinterBenchmark.run(iterations: quick ? 500 : 5_000)

    // 5. Calls: to an LED frame decoded by the emulated screen (through a pty), and to the event
    //    stream of 100 connected hall screens.
    report["call_to_led_frame"] = await DisplayBenchmark.callToFrame(iterations: quick ? 50 : 300)
    report["call_to_websocket"] = try await EventFanOutBenchmark.run(folder: folder, screens: 100, calls: quick ? 10 : 100)

}

if !onlyDurable {
    // 6. Reads with a long queue: /api/status and a ticket's status, 50 and 5,000 tickets waiting.
    let short = try await ReadBenchmark.run(folder: folder, waiting: 50, calls: quick ? 20 : 200)
    let long = try await ReadBenchmark.run(folder: folder, waiting: quick ? 1_000 : 5_000, calls: quick ? 20 : 200)
    report["reads_with_a_long_queue"] = [
        "waiting": quick ? 1_000 : 5_000,
        "status_ms": thousandths(long.statusMs), "ticket_status_ms": thousandths(long.ticketStatusMs),
        "baseline_load_the_day_ms": thousandths(long.loadTheDayMs),
        "status_vs_loading_the_day": thousandths(long.statusMs / long.loadTheDayMs),
        "ticket_status_vs_loading_the_day": thousandths(long.ticketStatusMs / long.loadTheDayMs),
        "status_long_vs_50_waiting": thousandths(long.statusMs / short.statusMs),
        "ticket_status_long_vs_50_waiting": thousandths(long.ticketStatusMs / short.ticketStatusMs),
    ]
}

let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
print(String(decoding: json, as: UTF8.self))
