import GRDB

extension Migrations {
    /// v13-screen-notice: the hall screen's scrolling notice set by the head (one row).
    static func registerScreenNotice(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-screen-notice") { db in
            try db.execute(
                sql: """
                    CREATE TABLE screen_notice (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        text TEXT NOT NULL,
                        updated_by TEXT NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    """)
        }
    }
}
