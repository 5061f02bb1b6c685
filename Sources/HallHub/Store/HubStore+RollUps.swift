import Foundation
import HallCore
import PostgresNIO

/// Closed days summarised once. Every batch marks the days of the tickets it touched as pending
/// (`hall_day_pending`, in the batch's own transaction, one statement); `rollUp(before:)` — the
/// hub's background job, `HubRollUpService` — summarises each pending day before today into
/// `hall_day` and clears the mark. A (hall, day) is read from its roll-up when it has one and no
/// mark, else computed live from its events (today is always marked), so a late batch for a closed
/// day is never hidden by a stale roll-up.
extension HubStore {
    /// Rolls up the pending (hall, day)s before `today`, each in its own transaction; returns how
    /// many. A batch that marks the same day meanwhile waits for (or follows) the roll-up's
    /// transaction and leaves the day pending again.
    @discardableResult
    public func rollUp(before today: LocalDay, limit: Int = 10_000) async throws -> Int {
        var due: [(String, String)] = []
        for row in try await database.rows(
            "SELECT hall_id, day FROM hall_day_pending WHERE day < \(today.description) ORDER BY day, hall_id LIMIT \(limit)",
            logger: logger
        ).decode((String, String).self) { due.append(row) }
        var rolled = 0
        for (hall, day) in due {
            let done = try await database.transaction { [logger] c in
                var marked = false
                for try await _ in try await c.query(
                    "DELETE FROM hall_day_pending WHERE hall_id = \(hall) AND day = \(day) RETURNING marks", logger: logger
                ).decode(Int64.self) { marked = true }
                guard marked else { return false }
                try await c.query("DELETE FROM hall_day WHERE hall_id = \(hall) AND day = \(day)", logger: logger)
                var insert = PostgresQuery(
                    unsafeSQL: "INSERT INTO hall_day (hall_id, day, issued, ratings, bad, windows, waiting, waits) SELECT * FROM (")
                let figures = HubDashboardSQL.dayFigures([day], hall: hall)
                insert.sql += figures.sql + ") q"
                insert.binds = figures.binds
                try await c.query(insert, logger: logger)
                return true
            }
            if done { rolled += 1 }
        }
        return rolled
    }

    /// Every hall's figures of the days `first`…`last`: from the roll-ups, and live for the days
    /// still pending (today among them).
    func dayFigures(from first: String, through last: String) async throws -> [String: [String: HubDayFigures]] {
        var pending = Set<[String]>()
        for (hall, day) in try await database.rows(
            "SELECT hall_id, day FROM hall_day_pending WHERE day BETWEEN \(first) AND \(last)", logger: logger
        ).decode((String, String).self) { pending.insert([hall, day]) }
        var figures: [String: [String: HubDayFigures]] = [:]
        let columns = "hall_id, day, issued, ratings, bad, windows, waiting::text"
        for row in try await database.rows(
            "SELECT \(unescaped: columns) FROM hall_day WHERE day BETWEEN \(first) AND \(last)", logger: logger
        ).decode((String, String, Int64, Int64, Int64, [Int32], String).self) where !pending.contains([row.0, row.1]) {
            figures[row.0, default: [:]][row.1] = HubDayFigures(
                issued: row.2, ratings: row.3, bad: row.4, windows: row.5, waiting: row.6)
        }
        let liveDays = Array(Set(pending.map { $0[1] })).sorted()
        guard !liveDays.isEmpty else { return figures }
        let live = HubDashboardSQL.dayFigures(liveDays)
        var query = PostgresQuery(unsafeSQL: "SELECT \(columns) FROM (")
        query.sql += live.sql + ") q"
        query.binds = live.binds
        for row in try await database.rows(query, logger: logger)
            .decode((String, String, Int64, Int64, Int64, [Int32], String).self) where pending.contains([row.0, row.1])
        {
            figures[row.0, default: [:]][row.1] = HubDayFigures(
                issued: row.2, ratings: row.3, bad: row.4, windows: row.5, waiting: row.6)
        }
        return figures
    }

    /// Per hall: the nearest-rank 90th percentile (the hall's report's) of the called tickets'
    /// waits of the days `first`…`last`, from the roll-ups and, for pending days, live.
    func waitingP90(from first: LocalDay, through last: LocalDay) async throws -> [String: Double] {
        // LocalDay's text is digits and dashes only: safe as literals beside the live query's binds.
        let (a, b) = ("'\(first.description)'", "'\(last.description)'")
        var liveDays: [String] = []
        for day in try await database.rows("SELECT DISTINCT day FROM hall_day_pending WHERE day BETWEEN \(first.description) AND \(last.description)")
            .decode(String.self) { liveDays.append(day) }
        let live = HubDashboardSQL.dayFigures(liveDays)
        var query = PostgresQuery(
            unsafeSQL: """
                WITH p AS (SELECT hall_id, day FROM hall_day_pending WHERE day BETWEEN \(a) AND \(b)),
                v AS (
                  SELECT d.hall_id, x.v FROM hall_day d CROSS JOIN LATERAL unnest(d.waits) AS x(v)
                  WHERE d.day BETWEEN \(a) AND \(b) AND NOT EXISTS (SELECT 1 FROM p WHERE p.hall_id = d.hall_id AND p.day = d.day)
                  UNION ALL
                  SELECT q.hall_id, x.v FROM (\(live.sql)) q CROSS JOIN LATERAL unnest(q.waits) AS x(v)
                  WHERE EXISTS (SELECT 1 FROM p WHERE p.hall_id = q.hall_id AND p.day = q.day)),
                r AS (SELECT hall_id, v, row_number() OVER (PARTITION BY hall_id ORDER BY v) AS rn,
                             count(*) OVER (PARTITION BY hall_id) AS n FROM v)
                SELECT hall_id, v FROM r WHERE rn = (9 * n + 9) / 10
                """)
        query.binds = live.binds
        var p90: [String: Double] = [:]
        for (hall, value) in try await database.rows(query).decode((String, Double).self) { p90[hall] = value }
        return p90
    }
}
