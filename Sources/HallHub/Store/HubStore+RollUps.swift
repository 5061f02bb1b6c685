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
        let columns = "hall_id, day, issued, ratings, bad, windows, waiting::text, waits"
        for row in try await database.rows(
            "SELECT \(unescaped: columns) FROM hall_day WHERE day BETWEEN \(first) AND \(last)", logger: logger
        ).decode((String, String, Int64, Int64, Int64, [Int32], String, [Double]).self) where !pending.contains([row.0, row.1]) {
            figures[row.0, default: [:]][row.1] = HubDayFigures(
                issued: row.2, ratings: row.3, bad: row.4, windows: row.5, waiting: row.6, waits: row.7)
        }
        let liveDays = Array(Set(pending.map { $0[1] })).sorted()
        guard !liveDays.isEmpty else { return figures }
        let live = HubDashboardSQL.dayFigures(liveDays)
        var query = PostgresQuery(unsafeSQL: "SELECT \(columns) FROM (")
        query.sql += live.sql + ") q"
        query.binds = live.binds
        for row in try await database.rows(query, logger: logger)
            .decode((String, String, Int64, Int64, Int64, [Int32], String, [Double]).self) where pending.contains([row.0, row.1])
        {
            figures[row.0, default: [:]][row.1] = HubDayFigures(
                issued: row.2, ratings: row.3, bad: row.4, windows: row.5, waiting: row.6, waits: row.7)
        }
        return figures
    }
}
