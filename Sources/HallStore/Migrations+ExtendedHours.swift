import GRDB

/// The tables of opening hours, extended service, the staff ledger and follow-ups (migration
/// `v8-extended-hours`). Each row's `body` (Hall JSON) is the source of truth; the other columns
/// are what queries filter on. Events go to the shared `event` table.
extension Migrations {
    static func registerExtendedHours(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-extended-hours") { db in
            try db.execute(
                sql: """
                    CREATE TABLE opening_hours_override (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        body TEXT NOT NULL
                    );
                    CREATE TABLE extended_session (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        day TEXT NOT NULL,
                        started_at REAL NOT NULL,
                        ended_at REAL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX extended_session_day ON extended_session(day);
                    CREATE INDEX extended_session_running ON extended_session(ended_at) WHERE ended_at IS NULL;
                    CREATE TABLE extended_replacement (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        day TEXT NOT NULL,
                        window_number INTEGER NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX extended_replacement_day ON extended_replacement(day);
                    CREATE TABLE extended_marker (
                        day TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        at REAL NOT NULL,
                        PRIMARY KEY (day, kind)
                    ) WITHOUT ROWID;
                    CREATE TABLE ledger_entry (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        staff TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        day TEXT NOT NULL,
                        start_at REAL NOT NULL,
                        minutes INTEGER NOT NULL,
                        session_id INTEGER REFERENCES extended_session(id),
                        body TEXT NOT NULL
                    );
                    CREATE INDEX ledger_entry_staff_day ON ledger_entry(staff, day);
                    CREATE INDEX ledger_entry_day ON ledger_entry(day);
                    CREATE TABLE leave_grant (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        staff TEXT NOT NULL,
                        day TEXT NOT NULL,
                        state TEXT NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX leave_grant_staff ON leave_grant(staff, day);
                    CREATE TABLE follow_up (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        state TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        due_day TEXT NOT NULL,
                        source_kind TEXT NOT NULL,
                        source_ref TEXT,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX follow_up_state_due ON follow_up(state, due_day);
                    CREATE INDEX follow_up_source ON follow_up(source_kind, source_ref);
                    """)
        }
    }
}
