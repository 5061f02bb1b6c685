import GRDB

/// Migration `v9-ratings-posts`: ratings (好差评) and their follow-ups, AB posts per window, the
/// hall's generated secrets (the key that signs ticket QR links), and indexes for the reports
/// and the rating pad.
enum RatingsPostsSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE rating (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id),
                    ticket_number TEXT NOT NULL,
                    day TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    window_number INTEGER,
                    staff TEXT,
                    level TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    device TEXT,
                    at REAL NOT NULL
                );
                CREATE INDEX rating_day ON rating(day);
                CREATE TABLE rating_follow_up (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rating_id INTEGER NOT NULL UNIQUE REFERENCES rating(id),
                    ticket_id INTEGER NOT NULL,
                    ticket_number TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    window_number INTEGER,
                    staff TEXT,
                    level TEXT NOT NULL,
                    state TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    opened_day TEXT NOT NULL,
                    due_day TEXT NOT NULL,
                    provisional INTEGER NOT NULL DEFAULT 0,
                    closed_at REAL,
                    closed_by TEXT,
                    note TEXT,
                    overdue_alerted INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX rating_follow_up_state ON rating_follow_up(state);
                CREATE TABLE window_post (
                    window_number INTEGER PRIMARY KEY,
                    a_username TEXT,
                    b_username TEXT,
                    a_away INTEGER NOT NULL DEFAULT 0,
                    away_since REAL,
                    away_reason TEXT,
                    updated_at REAL,
                    updated_by TEXT
                );
                CREATE TABLE hall_secret (
                    name TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX event_ticket_type ON event(ticket_id, type);
                CREATE INDEX ticket_window_state_closed ON ticket(window_number, state, closed_at);
                """)
    }
}
