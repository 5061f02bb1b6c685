import GRDB

/// The schema, as an ordered list of migrations. Never edit a shipped migration; add a new one.
enum Migrations {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-queue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE service (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        prefix TEXT NOT NULL UNIQUE,
                        typical_minutes REAL NOT NULL,
                        position INTEGER NOT NULL
                    );
                    CREATE TABLE service_window (
                        number INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        service_ids TEXT NOT NULL,
                        paused INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE ticket (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        day TEXT NOT NULL,
                        number TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        service_id TEXT NOT NULL,
                        issued_service_id TEXT NOT NULL,
                        priority TEXT NOT NULL,
                        state TEXT NOT NULL,
                        issued_at REAL NOT NULL,
                        called_at REAL,
                        serving_at REAL,
                        closed_at REAL,
                        window_number INTEGER,
                        recalls INTEGER NOT NULL DEFAULT 0,
                        transfers INTEGER NOT NULL DEFAULT 0,
                        served_before_hold REAL NOT NULL DEFAULT 0,
                        UNIQUE (day, number)
                    );
                    CREATE INDEX ticket_day_state ON ticket(day, state);
                    CREATE INDEX ticket_service_closed ON ticket(service_id, state, closed_at);
                    CREATE TABLE ticket_counter (
                        day TEXT NOT NULL,
                        prefix TEXT NOT NULL,
                        last INTEGER NOT NULL,
                        PRIMARY KEY (day, prefix)
                    ) WITHOUT ROWID;
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        type TEXT NOT NULL,
                        at REAL NOT NULL,
                        ticket_id INTEGER,
                        window_number INTEGER,
                        actor TEXT,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX event_at ON event(at);
                    """)
        }
        migrator.registerMigration("v2-accounts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        username TEXT PRIMARY KEY,
                        display_name TEXT NOT NULL,
                        roles TEXT NOT NULL,
                        department_id TEXT,
                        active INTEGER NOT NULL DEFAULT 1,
                        password_hash TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        password_changed_at REAL NOT NULL
                    );
                    CREATE TABLE session (
                        token_hash TEXT PRIMARY KEY,
                        username TEXT NOT NULL REFERENCES account(username) ON DELETE CASCADE,
                        created_at REAL NOT NULL,
                        last_seen_at REAL NOT NULL,
                        remote_address TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX session_username ON session(username);
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at REAL NOT NULL,
                        actor TEXT NOT NULL,
                        role TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        remote_address TEXT
                    );
                    CREATE INDEX audit_log_at ON audit_log(at);
                    CREATE INDEX audit_log_actor ON audit_log(actor, at);
                    """)
        }
        migrator.registerMigration("v3-intake") { db in
            try db.execute(sql: IntakeSchema.v3)
        }
        migrator.registerMigration("v4-device-jobs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE device_job (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        body TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX device_job_kind ON device_job(kind, created_at);
                    CREATE INDEX ticket_day_service_state ON ticket(day, service_id, state);
                    """)
        }
        registerCaptures(in: &migrator)
        registerAppointments(&migrator)  // v6-appointments, v7-home-visits
        migrator.registerMigration("v9-ratings-posts") { db in try RatingsPostsSchema.migrate(db) }
        registerExtendedHours(&migrator)  // v8-extended-hours
        registerAppointmentDuty(&migrator)  // v10-appointment-duty-ledger (appointment duty in the ledger)
        registerSetupPairing(&migrator)  // v11-setup-pairing (first-run setup, device pairing)
        registerTicketIndexes(&migrator)  // v12-ticket-indexes (fewer index pages per issue)
        registerScreenNotice(&migrator)  // v13-screen-notice (the hall screen's scrolling notice)
        registerIDCardTickets(&migrator)  // v14-idcard-tickets (tickets taken by ID card, keyed hashes only)
        registerHubLink(&migrator)  // v15-hub-link (the link to the banner's hub)
        registerWordingCorrections(&migrator)  // v16-wording-corrections (the head's corrections of residents' wording)
        registerWaitingCounts(&migrator)  // v17-waiting-counts (waiting tickets per service, kept by triggers)
        registerVoiceClips(&migrator)  // v18-voice-clips (recorded clips of the voice packs)
        registerEventIndexes(&migrator)  // v19-event-indexes (a ticket issue writes neither event index)
        registerServiceDays(&migrator)  // v20-service-days (the waiting counts' row keeps the last sequence number)
        registerPlainRowids(&migrator)  // v21-plain-rowids (ticket and event without AUTOINCREMENT)
        return migrator
    }
}
