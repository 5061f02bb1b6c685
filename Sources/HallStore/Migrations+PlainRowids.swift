import GRDB

extension Migrations {
    /// v21-plain-rowids: `ticket` and `event` without `AUTOINCREMENT`, so that a ticket issue no
    /// longer writes `sqlite_sequence` (one page and an update fewer per issue).
    /// - A new row takes the largest id plus one. Ids and log positions must never be reused (a
    ///   slip's key and a screen's resume position name them), so each table keeps its newest row:
    ///   a delete of it is skipped (`RAISE(IGNORE)`), which a purge of old rows never notices.
    /// - Both tables are rebuilt with their rows and ids as they are (SQLite's procedure: new
    ///   table, copy, drop, rename; foreign keys are off during migrations and checked after),
    ///   and their indexes and triggers are created again.
    static func registerPlainRowids(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v21-plain-rowids") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ticket_rebuilt (
                        id INTEGER PRIMARY KEY,
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
                    INSERT INTO ticket_rebuilt (\(ticketColumns)) SELECT \(ticketColumns) FROM ticket;
                    DROP TABLE ticket;
                    ALTER TABLE ticket_rebuilt RENAME TO ticket;
                    \(ticketIndexes)
                    \(serviceDayTriggers)
                    \(keepNewest("ticket"))
                    CREATE TABLE event_rebuilt (
                        id INTEGER PRIMARY KEY,
                        type TEXT NOT NULL,
                        at REAL NOT NULL,
                        ticket_id INTEGER,
                        window_number INTEGER,
                        actor TEXT,
                        body TEXT NOT NULL
                    );
                    INSERT INTO event_rebuilt (\(eventColumns)) SELECT \(eventColumns) FROM event;
                    DROP TABLE event;
                    ALTER TABLE event_rebuilt RENAME TO event;
                    \(eventIndexes)
                    \(keepNewest("event"))
                    DELETE FROM sqlite_sequence WHERE name IN ('ticket', 'event');
                    """)
        }
    }

    private static let ticketColumns = """
        id, day, number, sequence, service_id, issued_service_id, priority, state, issued_at, called_at, serving_at, closed_at,
        window_number, recalls, transfers, served_before_hold
        """
    private static let eventColumns = "id, type, at, ticket_id, window_number, actor, body"

    /// A trigger that skips the deletion of `table`'s newest row, so that its id is never taken again.
    private static func keepNewest(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_keep_newest BEFORE DELETE ON \(table) WHEN OLD.id = (SELECT MAX(id) FROM \(table)) BEGIN
            SELECT RAISE(IGNORE);
        END;
        """
    }
}
