/// The hub's PostgreSQL schema, as numbered steps applied once each, in order, each in its own
/// transaction (`hub_migration` records which ran). Never edit a shipped step: add one.
enum HubMigrations {
    static let steps: [(version: Int, name: String, sql: [String])] = [
        (
            1, "halls-events",
            [
                """
                CREATE TABLE hall (
                    id text PRIMARY KEY,
                    name text NOT NULL,
                    secret_hash text UNIQUE,
                    enrolled_at timestamptz,
                    last_sequence bigint NOT NULL DEFAULT 0,
                    last_send bigint NOT NULL DEFAULT 0,
                    last_batch_at timestamptz,
                    created_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE enrollment_code (
                    code_hash text PRIMARY KEY,
                    hall_id text NOT NULL REFERENCES hall(id),
                    issued_by text NOT NULL,
                    issued_at timestamptz NOT NULL,
                    used_at timestamptz
                )
                """,
                """
                CREATE TABLE hall_event (
                    hall_id text NOT NULL REFERENCES hall(id),
                    sequence bigint NOT NULL,
                    type text NOT NULL,
                    at timestamptz NOT NULL,
                    window_number integer,
                    body jsonb NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (hall_id, sequence)
                )
                """,
                "CREATE INDEX hall_event_type_at ON hall_event (hall_id, type, at)",
                """
                CREATE TABLE hub_audit (
                    id bigserial PRIMARY KEY,
                    at timestamptz NOT NULL DEFAULT now(),
                    actor text NOT NULL,
                    action text NOT NULL,
                    detail text NOT NULL
                )
                """,
            ]
        ),
        (
            2, "banner-accounts",
            [
                """
                CREATE TABLE banner_account (
                    username text PRIMARY KEY,
                    display_name text NOT NULL,
                    role text NOT NULL,
                    password_hash text NOT NULL,
                    active boolean NOT NULL DEFAULT true,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    updated_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE banner_session (
                    token_hash text PRIMARY KEY,
                    username text NOT NULL REFERENCES banner_account(username),
                    created_at timestamptz NOT NULL,
                    last_seen_at timestamptz NOT NULL,
                    remote_address text
                )
                """,
                "ALTER TABLE hub_audit ADD COLUMN address text",
                "CREATE INDEX hub_audit_at ON hub_audit (at)",
            ]
        ),
        (
            3, "publications",
            [
                """
                CREATE TABLE publication (
                    id bigserial PRIMARY KEY,
                    kind text NOT NULL,
                    label text NOT NULL,
                    content text NOT NULL,
                    published_by text NOT NULL,
                    published_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE hall_publication (
                    hall_id text NOT NULL REFERENCES hall(id),
                    publication_id bigint NOT NULL REFERENCES publication(id),
                    applied boolean NOT NULL,
                    message text NOT NULL,
                    reported_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (hall_id, publication_id)
                )
                """,
            ]
        ),
        (
            4, "ticket-day-index",
            [
                "CREATE INDEX hall_event_ticket_day ON hall_event ((body->'ticket'->>'day'), hall_id)"
            ]
        ),
        (
            5, "window-pause-index",
            [
                """
                CREATE INDEX hall_event_window_pause ON hall_event (hall_id, window_number, sequence)
                WHERE type IN ('window.paused', 'window.resumed')
                """
            ]
        ),
        (
            6, "day-rollups",
            [
                """
                CREATE TABLE hall_day (
                    hall_id text NOT NULL REFERENCES hall(id),
                    day text NOT NULL,
                    issued bigint NOT NULL,
                    ratings bigint NOT NULL,
                    bad bigint NOT NULL,
                    windows integer[] NOT NULL,
                    waiting jsonb NOT NULL,
                    waits float8[] NOT NULL,
                    rolled_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (hall_id, day)
                )
                """,
                """
                CREATE TABLE hall_day_pending (
                    hall_id text NOT NULL,
                    day text NOT NULL,
                    marks bigint NOT NULL DEFAULT 1,
                    PRIMARY KEY (hall_id, day)
                )
                """,
                "CREATE INDEX hall_day_pending_day ON hall_day_pending (day)",
                """
                INSERT INTO hall_day_pending (hall_id, day)
                SELECT DISTINCT hall_id, body->'ticket'->>'day' FROM hall_event WHERE body->'ticket'->>'day' IS NOT NULL
                """,
            ]
        ),
        (7, "ticket-state", [HubTicketSQL.create, HubTicketSQL.fill]),
        (8, "hall-windows", ["ALTER TABLE hall ADD COLUMN windows jsonb, ADD COLUMN windows_at timestamptz"]),
        // The month's ledger minutes read only the ledger's events: without it, the type filter walked
        // all of `hall_event_type_at` (hall first), 50-100 ms for 320,000 events and no ledger entry.
        (
            9, "ledger-index",
            [
                """
                CREATE INDEX hall_event_ledger ON hall_event (hall_id, sequence)
                WHERE type IN ('ledger.recorded', 'ledger.adjusted')
                """
            ]
        ),
    ]
}
