import GRDB

extension Migrations {
    /// v5-captures: the index of captured page images (the files are under `<state>/captures/`).
    /// Page numbers run 1…n per case and material.
    static func registerCaptures(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-captures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE capture (
                        id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL,
                        material_id TEXT NOT NULL,
                        page_number INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        mime TEXT NOT NULL,
                        width INTEGER NOT NULL,
                        height INTEGER NOT NULL,
                        profile_id TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        UNIQUE (case_id, material_id, page_number)
                    );
                    CREATE INDEX capture_sha256 ON capture(sha256);
                    """)
        }
    }
}
