import GRDB

extension Migrations {
    /// v20-service-days: the waiting counts of a service and day (`waiting_count`, now
    /// `service_day`) also keep the last sequence number issued, which `ticket_counter` kept per
    /// prefix in a table of its own: a ticket issue reads one row and writes one page fewer.
    /// - The insert trigger counts a waiting ticket and raises `last_sequence` to its sequence;
    ///   the other triggers count as before, in the new table.
    /// - Numbers stay unique per day when a prefix moves between services during the day:
    ///   `HallDatabase.configure` raises each service's last sequence past that day's tickets
    ///   with its prefix (`raiseLastSequences`).
    /// - The table is new rather than renamed: SQLite 3.40's rename rewrites `excluded.priority`
    ///   in the triggers' upserts into a reference to the table itself.
    static func registerServiceDays(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v20-service-days") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER ticket_waiting_insert;
                    DROP TRIGGER ticket_waiting_enter;
                    DROP TRIGGER ticket_waiting_leave;
                    DROP TRIGGER ticket_waiting_delete;
                    CREATE TABLE service_day (
                        day TEXT NOT NULL,
                        service_id TEXT NOT NULL,
                        waiting INTEGER NOT NULL,
                        priority INTEGER NOT NULL,
                        last_sequence INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (day, service_id)
                    ) WITHOUT ROWID;
                    INSERT INTO service_day (day, service_id, waiting, priority) SELECT day, service_id, waiting, priority FROM waiting_count;
                    INSERT INTO service_day (day, service_id, waiting, priority, last_sequence)
                        SELECT c.day, s.id, 0, 0, c.last FROM ticket_counter c JOIN service s ON s.prefix = c.prefix WHERE true
                        ON CONFLICT (day, service_id) DO UPDATE SET last_sequence = MAX(last_sequence, excluded.last_sequence);
                    DROP TABLE waiting_count;
                    DROP TABLE ticket_counter;
                    \(serviceDayTriggers)
                    """)
            try raiseLastSequences(db)
        }
    }

    /// The triggers on `ticket` that keep `service_day`; a rebuild of `ticket` creates them again.
    static let serviceDayTriggers = """
        CREATE TRIGGER ticket_service_day_insert AFTER INSERT ON ticket BEGIN
            INSERT INTO service_day (day, service_id, waiting, priority, last_sequence)
                VALUES (NEW.day, NEW.service_id, NEW.state = 'waiting', NEW.state = 'waiting' AND NEW.priority != 'normal',
                    NEW.sequence)
                ON CONFLICT (day, service_id) DO UPDATE SET waiting = waiting + excluded.waiting,
                    priority = priority + excluded.priority, last_sequence = MAX(last_sequence, excluded.last_sequence);
        END;
        CREATE TRIGGER ticket_service_day_enter AFTER UPDATE OF day, service_id, priority, state ON ticket
        WHEN NEW.state = 'waiting' BEGIN
            \(enter("service_day"))
        END;
        CREATE TRIGGER ticket_service_day_leave AFTER UPDATE OF day, service_id, priority, state ON ticket
        WHEN OLD.state = 'waiting' BEGIN
            \(leave("service_day"))
        END;
        CREATE TRIGGER ticket_service_day_delete AFTER DELETE ON ticket WHEN OLD.state = 'waiting' BEGIN
            \(leave("service_day"))
        END;
        """

    /// Raises each service's last sequence on the latest day with tickets to the highest sequence
    /// among that day's tickets whose number has the service's prefix (the prefix may have been
    /// another service's earlier that day). Tickets are only issued for the current day, so no
    /// earlier day can take a number again.
    static func raiseLastSequences(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO service_day (day, service_id, waiting, priority, last_sequence)
                    SELECT t.day, s.id, 0, 0, MAX(t.sequence) FROM service s
                    JOIN ticket t ON t.day = (SELECT MAX(day) FROM ticket) AND t.number GLOB s.prefix || '[0-9]*'
                    WHERE true GROUP BY s.id
                    ON CONFLICT (day, service_id) DO UPDATE SET last_sequence = MAX(last_sequence, excluded.last_sequence);
                """)
    }
}
