import GRDB

extension Migrations {
    /// v15-hub-link: the hall's link to the banner's hub (one row): its credential, the sequence
    /// of the event log the hub acknowledged, the last send number.
    static func registerHubLink(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15-hub-link") { db in
            try db.execute(
                sql: """
                    CREATE TABLE hub_link (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        hall TEXT,
                        secret TEXT,
                        acknowledged INTEGER NOT NULL DEFAULT 0,
                        send INTEGER NOT NULL DEFAULT 0,
                        acknowledged_at REAL
                    );
                    INSERT INTO hub_link (id) VALUES (1);
                    """)
        }
    }
}
