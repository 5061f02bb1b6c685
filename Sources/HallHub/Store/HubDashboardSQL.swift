import PostgresNIO

/// The dashboard's queries over `hall_event` (each event's projected body in `body`, its ticket
/// snapshot under `ticket`, its allowed facts under `data`). Tickets are known by (day, number).
enum HubDashboardSQL {
    static let negative = "('dissatisfied', 'very_dissatisfied')"

    /// Per hall and day of `days` (of `hall` only, when given), from the events of the day's tickets:
    /// tickets issued, ratings, bad ratings, the windows that called, the tickets whose latest state
    /// is waiting (`{service: [count, oldest issue time as epoch seconds]}`, by the service now
    /// holding them) and each called ticket's wait (first `ticket.called` − `issuedAt`, seconds,
    /// ascending). Columns as `hall_day`'s, so the roll-up stores exactly what the live figures are.
    static func dayFigures(_ days: [String], hall: String? = nil) -> PostgresQuery {
        """
        WITH t AS MATERIALIZED (
          SELECT hall_id, body->'ticket'->>'day' AS day, sequence, type, at, window_number,
                 body->'ticket'->>'number' AS num, body->'ticket'->>'state' AS state, body->'ticket'->>'serviceID' AS service,
                 (body->'ticket'->>'issuedAt')::timestamptz AS issued_at, body->'data'->>'level' AS level
          FROM hall_event WHERE body->'ticket'->>'day' = ANY(\(days)::text[]) AND (\(hall)::text IS NULL OR hall_id = \(hall)::text)),
        k AS (
          SELECT hall_id, day, count(*) FILTER (WHERE type = 'ticket.issued') AS issued,
                 count(*) FILTER (WHERE type = 'rating.submitted') AS ratings,
                 count(*) FILTER (WHERE type = 'rating.submitted' AND level IN \(unescaped: negative)) AS bad,
                 coalesce(array_agg(DISTINCT window_number) FILTER (WHERE type = 'ticket.called' AND window_number IS NOT NULL),
                          '{}'::integer[]) AS windows
          FROM t GROUP BY hall_id, day),
        w AS (
          SELECT hall_id, day, array_agg(v ORDER BY v) AS waits FROM (
            SELECT hall_id, day, extract(epoch FROM min(at) - min(issued_at))::float8 AS v FROM t
            WHERE type = 'ticket.called' GROUP BY hall_id, day, num) x
          WHERE v IS NOT NULL GROUP BY hall_id, day),
        s AS (
          SELECT hall_id, day, jsonb_object_agg(service, jsonb_build_array(n, extract(epoch FROM oldest)::float8)) AS waiting FROM (
            SELECT hall_id, day, service, count(*) AS n, min(issued_at) AS oldest FROM (
              SELECT DISTINCT ON (hall_id, day, num) hall_id, day, state, service, issued_at FROM t
              ORDER BY hall_id, day, num, sequence DESC) l
            WHERE state = 'waiting' AND service IS NOT NULL AND issued_at IS NOT NULL GROUP BY hall_id, day, service) y
          GROUP BY hall_id, day)
        SELECT k.hall_id, k.day, k.issued, k.ratings, k.bad, k.windows, coalesce(s.waiting, '{}'::jsonb) AS waiting,
               coalesce(w.waits, '{}'::float8[]) AS waits
        FROM k LEFT JOIN w USING (hall_id, day) LEFT JOIN s USING (hall_id, day)
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
