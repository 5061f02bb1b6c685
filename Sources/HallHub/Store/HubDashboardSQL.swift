import PostgresNIO

/// The dashboard's queries over `hall_event` (each event's projected body in `body`, its ticket
/// snapshot under `ticket`, its allowed facts under `data`). Tickets are known by (day, number).
enum HubDashboardSQL {
    static let negative = "('dissatisfied', 'very_dissatisfied')"

    /// The day's tickets whose last known state is waiting: per hall and service, how many, and the oldest issue time.
    static func waiting(_ day: String) -> PostgresQuery {
        """
        SELECT hall_id, service, count(*), min(issued_at) FROM (
          SELECT DISTINCT ON (hall_id, body->'ticket'->>'number') hall_id, body->'ticket'->>'state' AS state,
                 body->'ticket'->>'serviceID' AS service, (body->'ticket'->>'issuedAt')::timestamptz AS issued_at
          FROM hall_event WHERE body->'ticket'->>'day' = \(day)
          ORDER BY hall_id, body->'ticket'->>'number', sequence DESC) t
        WHERE state = 'waiting' AND service IS NOT NULL AND issued_at IS NOT NULL
        GROUP BY hall_id, service
        """
    }

    /// Per hall: tickets of the day, bad ratings of the day's tickets, windows that called on the
    /// day and whose last pause/resume is not a pause.
    static func dayCounts(_ day: String) -> PostgresQuery {
        """
        WITH called AS (
          SELECT DISTINCT hall_id, window_number AS w FROM hall_event
          WHERE body->'ticket'->>'day' = \(day) AND type = 'ticket.called' AND window_number IS NOT NULL),
        bad AS (
          SELECT hall_id, count(*) AS n FROM hall_event
          WHERE body->'ticket'->>'day' = \(day) AND type = 'rating.submitted' AND body->'data'->>'level' IN \(unescaped: negative)
          GROUP BY hall_id),
        issued AS (
          SELECT hall_id, count(*) AS n FROM hall_event
          WHERE body->'ticket'->>'day' = \(day) AND type = 'ticket.issued' GROUP BY hall_id),
        paused AS (
          SELECT hall_id, w FROM (
            SELECT DISTINCT ON (hall_id, window_number) hall_id, window_number AS w, type FROM hall_event
            WHERE type IN ('window.paused', 'window.resumed') AND window_number IS NOT NULL
            ORDER BY hall_id, window_number, sequence DESC) l
          WHERE type = 'window.paused'),
        open AS (
          SELECT c.hall_id, count(*) AS n FROM called c
          WHERE NOT EXISTS (SELECT 1 FROM paused p WHERE p.hall_id = c.hall_id AND p.w = c.w) GROUP BY c.hall_id)
        SELECT h.id, coalesce(i.n, 0), coalesce(b.n, 0), coalesce(o.n, 0)
        FROM hall h LEFT JOIN issued i ON i.hall_id = h.id LEFT JOIN bad b ON b.hall_id = h.id LEFT JOIN open o ON o.hall_id = h.id
        """
    }

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

    /// Per hall over the days `first`…`last`: tickets issued, ratings, bad ratings, and the nearest-rank
    /// 90th percentile of issue → first call (the hall's report's definition).
    static func month(_ first: String, _ last: String) -> PostgresQuery {
        """
        WITH w AS (
          SELECT hall_id, extract(epoch FROM min(at) - min((body->'ticket'->>'issuedAt')::timestamptz))::float8 AS v
          FROM hall_event WHERE type = 'ticket.called' AND body->'ticket'->>'day' BETWEEN \(first) AND \(last)
          GROUP BY hall_id, body->'ticket'->>'day', body->'ticket'->>'number'),
        r AS (SELECT hall_id, v, row_number() OVER (PARTITION BY hall_id ORDER BY v) AS rn,
                     count(*) OVER (PARTITION BY hall_id) AS n FROM w),
        p AS (SELECT hall_id, max(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90 FROM r GROUP BY hall_id)
        SELECT h.id,
          (SELECT count(*) FROM hall_event e WHERE e.hall_id = h.id AND e.type = 'ticket.issued'
             AND e.body->'ticket'->>'day' BETWEEN \(first) AND \(last)),
          (SELECT count(*) FROM hall_event e WHERE e.hall_id = h.id AND e.type = 'rating.submitted'
             AND e.body->'ticket'->>'day' BETWEEN \(first) AND \(last)),
          (SELECT count(*) FROM hall_event e WHERE e.hall_id = h.id AND e.type = 'rating.submitted'
             AND e.body->'ticket'->>'day' BETWEEN \(first) AND \(last) AND e.body->'data'->>'level' IN \(unescaped: negative)),
          (SELECT p90 FROM p WHERE p.hall_id = h.id)
        FROM hall h
        """
    }

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
