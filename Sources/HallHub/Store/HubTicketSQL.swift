/// Each ticket's state as the hub holds it (`hall_ticket`, one row per hall, day and ticket
/// number): kept up to date by every batch, in the batch's own statement, from the events it
/// inserted, so that the dashboard's figures of a day not yet rolled up (today) read one small
/// row per ticket instead of parsing every event's JSON. A row holds counts and times only:
/// the ticket's latest state, service and issue time (at its latest event), how many issue,
/// rating and bad-rating events it had, its first call and the windows that called it.
enum HubTicketSQL {
    /// The fields of `hall_event` rows (`source`, with `hall_id`, `sequence`, `type`, `at`,
    /// `window_number`, `body`) that the ticket state needs, as a relation named `e`.
    static func fields(of source: String) -> String {
        """
        SELECT hall_id, sequence, type, at, window_number, body->'ticket'->>'day' AS day,
               coalesce(body->'ticket'->>'number', '') AS num, body->'ticket'->>'state' AS state,
               body->'ticket'->>'serviceID' AS service, (body->'ticket'->>'issuedAt')::timestamptz AS issued_at,
               body->'data'->>'level' AS level
        FROM \(source)
        """
    }

    /// Merges the events of `fields` (a relation of `fields(of:)`'s columns, in any order) into
    /// `hall_ticket`: counts add up, the first call is the earliest, the windows are united, and the
    /// state, service and issue time are the latest event's (by sequence).
    static func merge(_ fields: String) -> String {
        """
        INSERT INTO hall_ticket AS t (hall_id, day, number, last_sequence, state, service, issued_at, issued, ratings, bad,
                                      called_at, called_issued_at, windows)
        SELECT hall_id, day, num, max(sequence), (array_agg(state ORDER BY sequence DESC))[1],
               (array_agg(service ORDER BY sequence DESC))[1], (array_agg(issued_at ORDER BY sequence DESC))[1],
               count(*) FILTER (WHERE type = 'ticket.issued'), count(*) FILTER (WHERE type = 'rating.submitted'),
               count(*) FILTER (WHERE type = 'rating.submitted' AND level IN \(HubDashboardSQL.negative)),
               min(at) FILTER (WHERE type = 'ticket.called'), min(issued_at) FILTER (WHERE type = 'ticket.called'),
               coalesce(array_agg(DISTINCT window_number) FILTER (WHERE type = 'ticket.called' AND window_number IS NOT NULL),
                        '{}'::integer[])
        FROM (\(fields)) f WHERE day IS NOT NULL GROUP BY hall_id, day, num
        ON CONFLICT (day, hall_id, number) DO UPDATE SET
          last_sequence = greatest(t.last_sequence, EXCLUDED.last_sequence),
          state = CASE WHEN EXCLUDED.last_sequence > t.last_sequence THEN EXCLUDED.state ELSE t.state END,
          service = CASE WHEN EXCLUDED.last_sequence > t.last_sequence THEN EXCLUDED.service ELSE t.service END,
          issued_at = CASE WHEN EXCLUDED.last_sequence > t.last_sequence THEN EXCLUDED.issued_at ELSE t.issued_at END,
          issued = t.issued + EXCLUDED.issued, ratings = t.ratings + EXCLUDED.ratings, bad = t.bad + EXCLUDED.bad,
          called_at = least(t.called_at, EXCLUDED.called_at), called_issued_at = least(t.called_issued_at, EXCLUDED.called_issued_at),
          windows = CASE WHEN EXCLUDED.windows = '{}' THEN t.windows
                         ELSE ARRAY(SELECT DISTINCT w FROM unnest(t.windows || EXCLUDED.windows) AS u(w) ORDER BY w) END
        """
    }

    /// The table; the schema step also fills it from the events already held.
    static let create = """
        CREATE TABLE hall_ticket (
            hall_id text NOT NULL,
            day text NOT NULL,
            number text NOT NULL,
            last_sequence bigint NOT NULL,
            state text,
            service text,
            issued_at timestamptz,
            issued integer NOT NULL,
            ratings integer NOT NULL,
            bad integer NOT NULL,
            called_at timestamptz,
            called_issued_at timestamptz,
            windows integer[] NOT NULL,
            PRIMARY KEY (day, hall_id, number)
        )
        """

    /// Builds every ticket's state from all the events held (the schema step, and the benchmark's
    /// COPY-loaded events, which bypass the batches).
    static let fill = merge(fields(of: "hall_event"))
}
