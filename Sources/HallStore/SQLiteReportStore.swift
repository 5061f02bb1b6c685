import Foundation
import GRDB
import HallCore

/// The reports' aggregates as SQL on the hall's database: counts with GROUP BY, averages with
/// AVG, and the 90th percentile by nearest rank with window functions (ROW_NUMBER over the
/// sorted values, picking rank ⌈0.9·n⌉ = (9n + 9) / 10), so no ticket list is loaded.
///
/// Waiting time is issue → *first* call (the earliest `ticket.called` event: a recall or a
/// transfer does not restart it); service time is start → finish minus holds (done tickets).
public final class SQLiteReportStore: ReportStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func services() async throws -> [Service] {
        try await database.pool.read { db in try SQLiteQueueTransaction(db: db).allServices() }
    }

    public func serviceFigures(days: ClosedRange<LocalDay>) async throws -> [ServiceFigures] {
        try await database.pool.read { db in try Self.figures(db, days: days, grouped: true) }
    }

    public func totalFigures(days: ClosedRange<LocalDay>) async throws -> ServiceFigures {
        try await database.pool.read { db in
            try Self.figures(db, days: days, grouped: false).first ?? ServiceFigures(serviceID: "", serviceName: "")
        }
    }

    public func dayFigures(days: ClosedRange<LocalDay>) async throws -> [DayFigures] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT day, COUNT(*), SUM(state = 'done'), SUM(state = 'no_show') FROM ticket
                    WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day
                    """, arguments: Self.range(days)
            )
            .map { DayFigures(day: LocalDay($0[0] as String)!, issued: $0[1], served: $0[2], noShows: $0[3]) }
        }
    }

    public func ratingCounts(days: ClosedRange<LocalDay>) async throws -> [RatingLevel: Int] {
        try await database.pool.read { db in
            var counts: [RatingLevel: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT level, COUNT(*) FROM rating WHERE day BETWEEN ? AND ? GROUP BY level",
                arguments: Self.range(days))
            {
                if let level = RatingLevel(rawValue: row[0]) { counts[level] = row[1] }
            }
            return counts
        }
    }

    public func casesDue(days: ClosedRange<LocalDay>) async throws -> [CaseDueRecord] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT number, state, promised_day, json_extract(body, '$.decidedAt') FROM intake_case
                    WHERE promised_day BETWEEN ? AND ? ORDER BY promised_day, id
                    """, arguments: Self.range(days)
            )
            .map { row in
                CaseDueRecord(
                    caseNumber: row[0], state: CaseState(rawValue: row[1]) ?? .inReview,
                    promisedDay: LocalDay(row[2] as String)!,
                    decidedAt: (row[3] as String?).flatMap { ISO8601DateFormatter().date(from: $0) })
            }
        }
    }

    // MARK: SQL

    private static func range(_ days: ClosedRange<LocalDay>) -> StatementArguments {
        [days.lowerBound.description, days.upperBound.description]
    }

    /// Per service (`grouped`) or for all tickets: counts, and average + p90 of waiting and service times.
    private static func figures(_ db: Database, days: ClosedRange<LocalDay>, grouped: Bool) throws -> [ServiceFigures] {
        let key = grouped ? "service_id" : "''"
        let issuedKey = grouped ? "issued_service_id" : "''"
        let args = range(days)
        var rows: [String: ServiceFigures] = [:]
        func row(_ id: String) -> ServiceFigures { rows[id] ?? ServiceFigures(serviceID: id, serviceName: id) }

        for r in try Row.fetchAll(
            db, sql: "SELECT \(issuedKey), COUNT(*) FROM ticket WHERE day BETWEEN ? AND ? GROUP BY 1",
            arguments: args)
        {
            var f = row(r[0]); f.issued = r[1]; rows[f.serviceID] = f
        }
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT \(key), SUM(state = 'done'), SUM(state = 'no_show'), SUM(state = 'left')
                FROM ticket WHERE day BETWEEN ? AND ? GROUP BY 1
                """, arguments: args)
        {
            var f = row(r[0]); f.served = r[1]; f.noShows = r[2]; f.left = r[3]; rows[f.serviceID] = f
        }
        let waits = """
            SELECT \(grouped ? "t.service_id" : "''") AS k, MIN(e.at) - t.issued_at AS v
            FROM ticket t JOIN event e ON e.ticket_id = t.id AND e.type = 'ticket.called'
            WHERE t.day BETWEEN ? AND ? GROUP BY t.id
            """
        for (k, d) in try percentiles(db, values: waits, args) {
            var f = row(grouped ? k : ""); f.waiting = d; rows[f.serviceID] = f
        }
        let services = """
            SELECT \(key) AS k, served_before_hold + closed_at - serving_at AS v FROM ticket
            WHERE day BETWEEN ? AND ? AND state = 'done' AND serving_at IS NOT NULL AND closed_at IS NOT NULL
            """
        for (k, d) in try percentiles(db, values: services, args) {
            var f = row(grouped ? k : ""); f.service = d; rows[f.serviceID] = f
        }
        return rows.values.sorted { $0.serviceID < $1.serviceID }
    }

    /// Count, average and nearest-rank 90th percentile of `v` per `k` of the `values` query.
    private static func percentiles(_ db: Database, values: String, _ args: StatementArguments) throws -> [(String, DurationFigures)] {
        try Row.fetchAll(
            db,
            sql: """
                WITH v AS (\(values)),
                r AS (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM v)
                SELECT CAST(k AS TEXT), COUNT(*), AVG(v), MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) FROM r GROUP BY k
                """, arguments: args
        )
        .map { (String($0[0] as String? ?? ""), DurationFigures(count: $0[1], averageSeconds: $0[2], p90Seconds: $0[3])) }
    }
}
