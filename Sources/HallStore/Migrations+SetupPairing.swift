import GRDB

extension Migrations {
    /// v11-setup-pairing: the record of first-run setup (one row: the center, services and windows
    /// as set up, as JSON), device pairing codes (hashes only, 10 minutes, used once) and the
    /// devices paired with them (token hashes only).
    static func registerSetupPairing(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-setup-pairing") { db in
            try db.execute(
                sql: """
                    CREATE TABLE hall_setup (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        body TEXT NOT NULL,
                        completed_at REAL NOT NULL
                    );
                    CREATE TABLE pairing_code (
                        code_hash TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        window_number INTEGER,
                        name TEXT NOT NULL,
                        issued_by TEXT NOT NULL,
                        issued_at REAL NOT NULL,
                        expires_at REAL NOT NULL,
                        used_at REAL
                    );
                    CREATE TABLE paired_device (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        token_hash TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        window_number INTEGER,
                        name TEXT NOT NULL,
                        paired_at REAL NOT NULL,
                        paired_by TEXT NOT NULL,
                        last_seen_at REAL,
                        revoked_at REAL,
                        revoked_by TEXT
                    );
                    """)
        }
    }
}
