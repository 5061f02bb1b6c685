import Foundation
import HallCore
import PostgresNIO

/// One hall's day as the banner sees it, from the events the hub holds (the dashboard's first row).
public struct HubHallOverview: Codable, Sendable, Equatable {
    public var hall: String
    public var name: String
    /// The highest sequence held, and when the last batch came: how fresh the figures are.
    public var lastSequence: Int64
    public var lastBatchAt: Date?
    /// Tickets issued on the day.
    public var ticketsIssued: Int64
    /// The day's tickets whose last known state is `waiting`.
    public var waiting: Int64
    /// Ratings `dissatisfied` or `very_dissatisfied` given on the day.
    public var badRatings: Int64
}

extension HubStore {
    /// Every hall's figures for `day` (local to `timeZone`), from the events held so far.
    public func overview(day: LocalDay, timeZone: TimeZone) async throws -> [HubHallOverview] {
        let dayText = day.description
        let start = day.start(in: timeZone), end = day.adding(days: 1).start(in: timeZone)
        let rows = try await database.rows(
            """
            SELECT h.id, h.name, h.last_sequence, h.last_batch_at,
              (SELECT count(*) FROM hall_event e
                 WHERE e.hall_id = h.id AND e.type = 'ticket.issued' AND e.body->'ticket'->>'day' = \(dayText)),
              (SELECT count(*) FROM (
                 SELECT DISTINCT ON (e.body->'ticket'->>'number') e.body->'ticket'->>'state' AS state
                 FROM hall_event e WHERE e.hall_id = h.id AND e.body->'ticket'->>'day' = \(dayText)
                 ORDER BY e.body->'ticket'->>'number', e.sequence DESC) t WHERE t.state = 'waiting'),
              (SELECT count(*) FROM hall_event e
                 WHERE e.hall_id = h.id AND e.type = 'rating.submitted' AND e.at >= \(start) AND e.at < \(end)
                   AND e.body->'data'->>'level' IN ('dissatisfied', 'very_dissatisfied'))
            FROM hall h ORDER BY h.id
            """, logger: logger)
        var result: [HubHallOverview] = []
        for (id, name, last, batchAt, issued, waiting, bad) in try rows.decode(
            (String, String, Int64, Date?, Int64, Int64, Int64).self)
        {
            result.append(
                HubHallOverview(
                    hall: id, name: name, lastSequence: last, lastBatchAt: batchAt, ticketsIssued: issued, waiting: waiting,
                    badRatings: bad))
        }
        return result
    }
}
