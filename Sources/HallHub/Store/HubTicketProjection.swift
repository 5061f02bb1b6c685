import PostgresNIO

/// `hall_ticket`: one row per ticket (hall, day, number) with its service and state at its latest
/// event, its issue time and its first call — kept by each batch's transaction from the batch's
/// new events, so that the dashboard reads tickets, not every event's JSON.
enum HubTicketProjection {
    /// Upserts the tickets of `bodies` (the batch's new events, JSON, in sequence order): the latest
    /// event decides service and state, the earliest `ticket.called` the first call.
    static func upsert(hall: String, bodies: [String]) -> PostgresQuery {
        """
        INSERT INTO hall_ticket (hall_id, day, number, service_id, state, issued_at, first_called_at, last_sequence)
        SELECT \(hall), day, number, service, state, issued, called, seq FROM (
          SELECT DISTINCT ON (b->'ticket'->>'day', b->'ticket'->>'number')
            b->'ticket'->>'day' AS day, b->'ticket'->>'number' AS number, b->'ticket'->>'serviceID' AS service,
            b->'ticket'->>'state' AS state, (b->'ticket'->>'issuedAt')::timestamptz AS issued,
            min(CASE WHEN b->>'type' = 'ticket.called' THEN (b->>'at')::timestamptz END)
              OVER (PARTITION BY b->'ticket'->>'day', b->'ticket'->>'number') AS called,
            (b->>'sequence')::bigint AS seq
          FROM (SELECT x::jsonb AS b FROM unnest(\(bodies)::text[]) AS x) AS j WHERE b ? 'ticket'
          ORDER BY b->'ticket'->>'day', b->'ticket'->>'number', (b->>'sequence')::bigint DESC) t
        WHERE day IS NOT NULL AND number IS NOT NULL AND service IS NOT NULL AND state IS NOT NULL AND issued IS NOT NULL
        ON CONFLICT (hall_id, day, number) DO UPDATE SET
          service_id = CASE WHEN EXCLUDED.last_sequence > hall_ticket.last_sequence THEN EXCLUDED.service_id ELSE hall_ticket.service_id END,
          state = CASE WHEN EXCLUDED.last_sequence > hall_ticket.last_sequence THEN EXCLUDED.state ELSE hall_ticket.state END,
          last_sequence = greatest(hall_ticket.last_sequence, EXCLUDED.last_sequence),
          first_called_at = least(hall_ticket.first_called_at, EXCLUDED.first_called_at)
        """
    }

    /// Fills `hall_ticket` from the events held (the migration's backfill, and `rebuild()`).
    static let rebuild = """
        INSERT INTO hall_ticket (hall_id, day, number, service_id, state, issued_at, first_called_at, last_sequence)
        SELECT hall_id, day, number, service, state, issued, called, seq FROM (
          SELECT DISTINCT ON (hall_id, body->'ticket'->>'day', body->'ticket'->>'number')
            hall_id, body->'ticket'->>'day' AS day, body->'ticket'->>'number' AS number,
            body->'ticket'->>'serviceID' AS service, body->'ticket'->>'state' AS state,
            (body->'ticket'->>'issuedAt')::timestamptz AS issued,
            min(CASE WHEN type = 'ticket.called' THEN at END)
              OVER (PARTITION BY hall_id, body->'ticket'->>'day', body->'ticket'->>'number') AS called,
            sequence AS seq
          FROM hall_event WHERE body ? 'ticket'
          ORDER BY hall_id, body->'ticket'->>'day', body->'ticket'->>'number', sequence DESC) t
        WHERE day IS NOT NULL AND number IS NOT NULL AND service IS NOT NULL AND state IS NOT NULL AND issued IS NOT NULL
        ON CONFLICT (hall_id, day, number) DO NOTHING
        """
}

extension HubStore {
    /// Rebuilds the per-ticket projection from the events held (after events were loaded by other
    /// means than batches, e.g. a restore with `COPY`).
    public func rebuildTicketProjection() async throws {
        try await database.transaction { c in
            try await c.query("DELETE FROM hall_ticket", logger: logger)
            try await c.query(PostgresQuery(unsafeSQL: HubTicketProjection.rebuild), logger: logger)
        }
    }
}
