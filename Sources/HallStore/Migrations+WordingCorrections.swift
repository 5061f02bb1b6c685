import GRDB

extension Migrations {
    /// v16-wording-corrections: the head's corrections of residents' wording (a Mongolian draft
    /// fixed by a native speaker), laid over the shipped catalogs.
    static func registerWordingCorrections(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-wording-corrections") { db in
            try db.execute(
                sql: """
                    CREATE TABLE wording_correction (
                        language TEXT NOT NULL,
                        key TEXT NOT NULL,
                        text TEXT NOT NULL,
                        reviewed INTEGER NOT NULL,
                        corrected_by TEXT NOT NULL,
                        corrected_at REAL NOT NULL,
                        PRIMARY KEY (language, key)
                    );
                    """)
        }
    }
}
