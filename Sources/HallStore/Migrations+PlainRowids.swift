import GRDB

extension Migrations {
    /// v21-plain-rowids: `ticket` and `event` without `AUTOINCREMENT`, so that a ticket issue no
    /// longer writes `sqlite_sequence` (one page and an update fewer per issue).
    /// - A new row takes the largest id plus one. Ids and log positions must never be reused (a
    ///   slip's key and a screen's resume position name them), so each table keeps its newest row:
    ///   a delete of it is skipped (`RAISE(IGNORE)`), which a purge of old rows never notices.
    /// - Both tables are rebuilt with their columns, rows and ids as they are (SQLite's procedure:
    ///   new table, copy, drop, rename; foreign keys are off during migrations and checked after),
    ///   and their indexes and triggers are created again.
    static func registerPlainRowids(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v21-plain-rowids") { db in
            try rebuildWithoutAutoincrement("ticket", in: db)
            try rebuildWithoutAutoincrement("event", in: db)
            try db.execute(
                sql: """
                    \(ticketIndexes)
                    \(serviceDayTriggers)
                    \(keepNewest("ticket"))
                    \(eventIndexes)
                    \(keepNewest("event"))
                    DELETE FROM sqlite_sequence WHERE name IN ('ticket', 'event');
                    """)
        }
    }

    /// `table` made again from its own `CREATE TABLE` with `AUTOINCREMENT` left out, so that its
    /// columns stay exactly as they are, with its rows and their ids; its indexes and triggers go
    /// with the old table.
    private static func rebuildWithoutAutoincrement(_ table: String, in db: Database) throws {
        let create = "CREATE TABLE \(table) "
        guard
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
            sql.hasPrefix(create)
        else { throw DatabaseError(message: "v21-plain-rowids: no table \(table) as v1 created it") }
        let rebuilt = "\(table)_rebuilt"
        try db.execute(
            sql: """
                CREATE TABLE \(rebuilt) \(sql.dropFirst(create.count).replacingOccurrences(of: " AUTOINCREMENT", with: ""));
                INSERT INTO \(rebuilt) SELECT * FROM \(table);
                DROP TABLE \(table);
                ALTER TABLE \(rebuilt) RENAME TO \(table);
                """)
    }

    /// A trigger that skips the deletion of `table`'s newest row, so that its id is never taken again.
    private static func keepNewest(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_keep_newest BEFORE DELETE ON \(table) WHEN OLD.id = (SELECT MAX(id) FROM \(table)) BEGIN
            SELECT RAISE(IGNORE);
        END;
        """
    }
}
