/// The tables of case intake (migration `v3-intake`). Events go to the shared `event` table.
enum IntakeSchema {
    static let v3 = """
        CREATE TABLE intake_catalog (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            body TEXT NOT NULL
        );
        CREATE TABLE holiday_schedule (
            year INTEGER PRIMARY KEY,
            body TEXT NOT NULL
        );
        CREATE TABLE intake_case (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number TEXT UNIQUE,
            state TEXT NOT NULL,
            item_id TEXT NOT NULL,
            owner TEXT NOT NULL,
            opened_day TEXT NOT NULL,
            accepted_day TEXT,
            promised_day TEXT,
            body TEXT NOT NULL
        );
        CREATE INDEX intake_case_state ON intake_case(state);
        CREATE TABLE case_counter (
            day TEXT PRIMARY KEY,
            last INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE case_notice (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES intake_case(id),
            kind TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            path TEXT NOT NULL,
            created_at REAL NOT NULL,
            print_status TEXT NOT NULL,
            cups_job_id INTEGER,
            print_error TEXT,
            printed_at REAL,
            UNIQUE (case_id, kind, sequence)
        );
        """
}
