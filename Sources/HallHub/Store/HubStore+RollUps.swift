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
    /// waits of the days `first`…`last`, from the roll-ups and, for pending days, live. Each day's
    /// waits are sorted, so `width_bucket` counts a day's waits at or below a bound by bisection:
    /// the count below every minute (`c`) finds the minute that holds the rank, and only that
    /// minute's slice of each day is sorted for the exact value (a month of 20 halls is 240,000
    /// waits; sorting them all took seconds).
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
                d AS MATERIALIZED (
                  SELECT d.hall_id, d.waits[1:cardinality(d.waits)] AS waits FROM hall_day d
                  WHERE d.day BETWEEN \(a) AND \(b) AND cardinality(d.waits) > 0
                    AND NOT EXISTS (SELECT 1 FROM p WHERE p.hall_id = d.hall_id AND p.day = d.day)
                  UNION ALL
                  SELECT q.hall_id, q.waits FROM (\(live.sql)) q
                  WHERE cardinality(q.waits) > 0 AND EXISTS (SELECT 1 FROM p WHERE p.hall_id = q.hall_id AND p.day = q.day)),
                r AS (SELECT hall_id, (9 * sum(cardinality(waits)) + 9) / 10 AS rank, max(waits[cardinality(waits)]) AS top
                      FROM d GROUP BY hall_id),
                c AS MATERIALIZED (
                  SELECT r.hall_id, r.rank, m.k, sum(width_bucket(m.k * 60.0::float8, d.waits)) AS below
                  FROM r CROSS JOIN LATERAL generate_series(0, greatest(0, ceil(r.top / 60))::integer) AS m(k)
                  JOIN d ON d.hall_id = r.hall_id GROUP BY r.hall_id, r.rank, m.k),
                k AS (SELECT DISTINCT ON (hall_id) hall_id, rank, k FROM c WHERE below >= rank ORDER BY hall_id, k),
                lo AS (SELECT k.hall_id, k.k, k.rank - coalesce(c.below, 0) AS want FROM k
                       LEFT JOIN c ON c.hall_id = k.hall_id AND c.k = k.k - 1),
                v AS (SELECT lo.hall_id, lo.want, x.v FROM lo JOIN d ON d.hall_id = lo.hall_id
                      CROSS JOIN LATERAL unnest(d.waits[
                        (CASE WHEN lo.k = 0 THEN 0 ELSE width_bucket((lo.k - 1) * 60.0::float8, d.waits) END) + 1
                        : width_bucket(lo.k * 60.0::float8, d.waits)]) AS x(v)),
                z AS (SELECT hall_id, want, v, row_number() OVER (PARTITION BY hall_id ORDER BY v) AS rn FROM v)
                SELECT hall_id, v FROM z WHERE rn = want
                """)
        query.binds = live.binds
        var p90: [String: Double] = [:]
        for (hall, value) in try await database.rows(query).decode((String, Double).self) { p90[hall] = value }
        return p90
    }
}
