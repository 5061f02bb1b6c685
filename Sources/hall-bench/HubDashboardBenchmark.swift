import Foundation
import HallCore
import HallHub
import Logging
import NIOCore
import PostgresNIO

/// `hall-bench hub-dashboard [--quick | --days=N]`: the banner dashboard's queries over generated
/// days of 20 halls (400 tickets a day, 4 events each; default 250 days, a year), loaded by COPY
/// into the hub's own table and indexes, the days before the last rolled up as the hub's background
/// job does (timed), the last day left live as "today". Each query is timed `rounds` times (a day of the period
/// and its month, in turn); p50 and p99 against the 100 ms target, and the same run's full count
/// of the events as the baseline.
enum HubDashboardBenchmark {
    static let rounds = 100

    static func run(quick: Bool, days requested: Int? = nil) async throws -> [String: Any] {
        let days = max(1, requested ?? (quick ? 2 : 250))
        let server = try BenchPostgres()
        try await server.start()
        defer { server.stop() }
        var settings = HubConfiguration.defaults.database
        settings.socketPath = server.socketPath
        settings.username = BenchPostgres.user
        settings.name = "postgres"
        settings.maxConnections = HubCatchUpBenchmark.workers + 1
        var log = Logger(label: "hall-bench.hub")
        log.logLevel = .error
        let logger = log
        let database = HubDatabase(settings, logger: logger)
        let pool = Task { await database.run() }
        defer { pool.cancel() }
        try await database.migrate()
        let store = HubStore(database: database)
        for h in 0..<HubCatchUpBenchmark.halls {
            _ = try await store.issueEnrollmentCode(hall: "town-\(h)", name: "town \(h)", issuedBy: "bench")
        }
        let loadSeconds = try await HubCatchUpBenchmark.timed {
            try await HubCatchUpBenchmark.forEachHall { h in
                try await database.client.withConnection { connection in
                    let columns = ["hall_id", "sequence", "type", "at", "window_number", "body"]
                    try await connection.copyFrom(table: "hall_event", columns: columns, logger: logger) { writer in
                        var sequence: Int64 = 0
                        for day in 0..<days {
                            let events = HubCatchUpBenchmark.dayEvents(day: day, first: sequence + 1)
                            sequence += Int64(events.count)
                            try await writer.write(ByteBuffer(string: try HubCatchUpBenchmark.copyText(hall: "town-\(h)", events)))
                        }
                    }
                }
            }
        }
        // COPY bypasses the batches, which keep each ticket's state and mark the days they touch.
        let rebuildSeconds = try await HubCatchUpBenchmark.timed { try await store.rebuildFromEvents() }
        try await database.client.query("ANALYZE hall_event", logger: logger)
        let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let dayList = (0..<days).map { LocalDay(Date(timeIntervalSince1970: 1_767_225_600 + Double($0) * 86_400 + 8.5 * 3600), in: timeZone) }
        // The last generated day is "today" (live, a full day of every hall); the days before it are
        // closed and rolled up, as the hub's background job does.
        let today = dayList[dayList.count - 1]
        var rolled = 0
        let rollUpSeconds = try await HubCatchUpBenchmark.timed { rolled = try await store.rollUp(before: today) }
        try await database.client.query("ANALYZE", logger: logger)
        var daily: [Double] = [], live: [Double] = [], monthly: [Double] = [], baseline: [Double] = []
        for round in 0..<rounds {
            let day = dayList[(round * 7) % dayList.count]
            daily.append(try await HubCatchUpBenchmark.timed { _ = try await store.dashboard(day: day) })
            live.append(try await HubCatchUpBenchmark.timed { _ = try await store.dashboard(day: today) })
            monthly.append(try await HubCatchUpBenchmark.timed { _ = try await store.monthly(year: day.year, month: day.month) })
            if round % 10 == 0 {
                baseline.append(try await HubCatchUpBenchmark.timed { _ = try await HubCatchUpBenchmark.count("hall_event", database) })
            }
        }
        let events = try await HubCatchUpBenchmark.count("hall_event", database)
        let base = percentile(50, baseline)
        func figures(_ values: [Double]) -> [String: Any] {
            let p99 = percentile(99, values)
            return [
                "p50_ms": (percentile(50, values) * 10_000).rounded() / 10, "p99_ms": (p99 * 10_000).rounded() / 10,
                "p99_ratio_to_full_count": base > 0 ? (p99 / base * 1000).rounded() / 1000 : 0,
                "meets_100ms": p99 <= 0.1,
            ]
        }
        return [
            "halls": HubCatchUpBenchmark.halls, "days": days, "events": events, "rounds": rounds,
            "load_by_copy_s": (loadSeconds * 10).rounded() / 10,
            "ticket_state_rebuild_s": (rebuildSeconds * 10).rounded() / 10, "days_rolled_up": rolled,
            "roll_up_s": (rollUpSeconds * 10).rounded() / 10,
            "full_count_p50_ms": (base * 10_000).rounded() / 10,
            "dashboard_day": figures(daily), "dashboard_today_live": figures(live), "dashboard_month": figures(monthly),
            "target_p99_ms": 100,
        ]
    }

    /// Nearest-rank percentile of seconds.
    static func percentile(_ p: Int, _ values: [Double]) -> Double { Percentile.value(p, of: values) ?? 0 }
}
