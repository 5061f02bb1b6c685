import PostgresNIO

/// The dashboard's queries over `hall_event` (each event's projected body in `body`, its ticket
/// snapshot under `ticket`, its allowed facts under `data`) and `hall_ticket` (each ticket's state,
/// `HubTicketSQL`). Tickets are known by (day, number).
enum HubDashboardSQL {
    static let negative = "('dissatisfied', 'very_dissatisfied')"

    /// Per hall and day of `days` (of `hall` only, when given), from the state of the day's tickets
    /// (`hall_ticket`, `HubTicketSQL`, kept by every batch from the events of the day's tickets):
    /// tickets issued, ratings, bad ratings, the windows that called, the tickets whose latest state
    /// is waiting (`{service: [count, oldest issue time as epoch seconds]}`, by the service now
    /// holding them) and each called ticket's wait (first `ticket.called` − `issuedAt`, seconds,
    /// ascending). Columns as `hall_day`'s, so the roll-up stores exactly what the live figures are.
    static func dayFigures(_ days: [String], hall: String? = nil) -> PostgresQuery {
        """
        WITH t AS MATERIALIZED (
          SELECT * FROM hall_ticket WHERE day = ANY(\(days)::text[]) AND (\(hall)::text IS NULL OR hall_id = \(hall)::text)),
        k AS (
          SELECT hall_id, day, sum(issued)::bigint AS issued, sum(ratings)::bigint AS ratings, sum(bad)::bigint AS bad,
                 coalesce(array_agg(extract(epoch FROM called_at - called_issued_at)::float8
                                    ORDER BY extract(epoch FROM called_at - called_issued_at)::float8)
                          FILTER (WHERE called_at IS NOT NULL AND called_issued_at IS NOT NULL), '{}'::float8[]) AS waits
          FROM t GROUP BY hall_id, day),
        wd AS (
          SELECT hall_id, day, array_agg(DISTINCT w) AS windows FROM t CROSS JOIN LATERAL unnest(t.windows) AS u(w)
          GROUP BY hall_id, day),
        s AS (
          SELECT hall_id, day, jsonb_object_agg(service, jsonb_build_array(n, extract(epoch FROM oldest)::float8)) AS waiting FROM (
            SELECT hall_id, day, service, count(*) AS n, min(issued_at) AS oldest FROM t
            WHERE state = 'waiting' AND service IS NOT NULL AND issued_at IS NOT NULL GROUP BY hall_id, day, service) y
          GROUP BY hall_id, day)
        SELECT k.hall_id, k.day, k.issued, k.ratings, k.bad, coalesce(wd.windows, '{}'::integer[]) AS windows,
               coalesce(s.waiting, '{}'::jsonb) AS waiting, k.waits
        FROM k LEFT JOIN wd USING (hall_id, day) LEFT JOIN s USING (hall_id, day)
        """
    }

    /// Per hall: the windows whose latest pause or resumption is a pause.
    static let paused: PostgresQuery = """
        SELECT hall_id, w FROM (
          SELECT DISTINCT ON (hall_id, window_number) hall_id, window_number AS w, type FROM hall_event
          WHERE type IN ('window.paused', 'window.resumed') AND window_number IS NOT NULL
          ORDER BY hall_id, window_number, sequence DESC) l
        WHERE type = 'window.paused'
        """

    /// Per hall: follow-ups whose last event opened them; cases reported overdue (or due soon, and
    /// not overdue) with no completion, closing, delivery or withdrawal since.
    static let open: PostgresQuery = """
        SELECT h.id,
          (SELECT count(*) FROM (
             SELECT DISTINCT ON (k) type FROM (
               SELECT e.sequence, e.type, left(e.type, 6) || (e.body->'data'->>'followUpID') AS k FROM hall_event e
               WHERE e.hall_id = h.id AND e.type IN ('rating.follow_up_opened', 'rating.follow_up_closed',
                                                     'followup.opened', 'followup.done', 'followup.cancelled')) x
             ORDER BY k, sequence DESC) f WHERE f.type IN ('rating.follow_up_opened', 'followup.opened')),
          coalesce(c.overdue, 0), coalesce(c.due_soon, 0)
        FROM hall h LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE o > t) AS overdue, count(*) FILTER (WHERE d > t AND o <= t) AS due_soon FROM (
            SELECT coalesce(max(sequence) FILTER (WHERE type = 'case.overdue'), 0) AS o,
                   coalesce(max(sequence) FILTER (WHERE type = 'case.due_soon'), 0) AS d,
                   coalesce(max(sequence) FILTER (WHERE type IN ('case.completed', 'case.closed', 'case.delivered', 'case.withdrawn')), 0) AS t
            FROM hall_event WHERE hall_id = h.id AND type IN ('case.overdue', 'case.due_soon', 'case.completed', 'case.closed',
                                                                'case.delivered', 'case.withdrawn')
            GROUP BY body->'data'->>'caseID') x) c ON true
        """

    /// Per hall: minutes of appointment duty and of extended hours of the ledger entries dated
    /// `first`…`last`, each entry at its latest (recorded or adjusted) minutes.
    static func ledger(_ first: String, _ last: String) -> PostgresQuery {
        """
        WITH rec AS (
          SELECT hall_id, body->'data'->>'entryID' AS id, body->'data'->>'kind' AS kind FROM hall_event
          WHERE type = 'ledger.recorded' AND body->'data'->>'day' BETWEEN \(first) AND \(last)),
        latest AS (
          SELECT DISTINCT ON (hall_id, body->'data'->>'entryID') hall_id, body->'data'->>'entryID' AS id,
                 body->'data'->>'minutes' AS m
          FROM hall_event WHERE type IN ('ledger.recorded', 'ledger.adjusted')
          ORDER BY hall_id, body->'data'->>'entryID', sequence DESC)
        SELECT rec.hall_id,
          coalesce(sum(CASE WHEN latest.m ~ '^[0-9]{1,6}$' THEN latest.m::int END) FILTER (WHERE kind = 'appointment'), 0)::bigint,
          coalesce(sum(CASE WHEN latest.m ~ '^[0-9]{1,6}$' THEN latest.m::int END) FILTER (WHERE kind = 'extended'), 0)::bigint
        FROM rec JOIN latest USING (hall_id, id) GROUP BY rec.hall_id
        """
    }
}
