import GRDB

extension Migrations {
    /// v17-waiting-counts: how many tickets wait per day and service, kept by triggers on `ticket`,
    /// so that issuing a ticket reads one row instead of counting the waiting list (which grew with
    /// the queue: 3,000 waiting tickets were 3,000 index entries counted per issue).
    /// - `waiting` counts the waiting tickets, `priority` those of them not `normal`.
    /// - The triggers follow every way a ticket enters or leaves the waiting state (issue, call,
    ///   transfer to another service, a change of priority, deletion), so no code path can forget
    ///   one; the migration fills the table from the tickets already there.
    static func registerWaitingCounts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17-waiting-counts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE waiting_count (
                        day TEXT NOT NULL,
                        service_id TEXT NOT NULL,
                        waiting INTEGER NOT NULL,
                        priority INTEGER NOT NULL,
                        PRIMARY KEY (day, service_id)
                    ) WITHOUT ROWID;
                    INSERT INTO waiting_count (day, service_id, waiting, priority)
                        SELECT day, service_id, COUNT(*), SUM(priority != 'normal') FROM ticket
                        WHERE state = 'waiting' GROUP BY day, service_id;
                    CREATE TRIGGER ticket_waiting_insert AFTER INSERT ON ticket WHEN NEW.state = 'waiting' BEGIN
                        \(enter())
                    END;
                    CREATE TRIGGER ticket_waiting_enter AFTER UPDATE OF day, service_id, priority, state ON ticket
                    WHEN NEW.state = 'waiting' BEGIN
                        \(enter())
                    END;
                    CREATE TRIGGER ticket_waiting_leave AFTER UPDATE OF day, service_id, priority, state ON ticket
                    WHEN OLD.state = 'waiting' BEGIN
                        \(leave())
                    END;
                    CREATE TRIGGER ticket_waiting_delete AFTER DELETE ON ticket WHEN OLD.state = 'waiting' BEGIN
                        \(leave())
                    END;
                    """)
        }
    }

    /// The trigger body for a ticket that now waits (`NEW`), counted in `table`.
    static func enter(_ table: String = "waiting_count") -> String {
        """
        INSERT INTO \(table) (day, service_id, waiting, priority)
            VALUES (NEW.day, NEW.service_id, 1, NEW.priority != 'normal')
            ON CONFLICT (day, service_id) DO UPDATE SET waiting = waiting + 1, priority = priority + excluded.priority;
        """
    }

    /// The trigger body for a ticket that waited (`OLD`) and no longer does, or moved, counted in `table`.
    static func leave(_ table: String = "waiting_count") -> String {
        """
        UPDATE \(table) SET waiting = waiting - 1, priority = priority - (OLD.priority != 'normal')
            WHERE day = OLD.day AND service_id = OLD.service_id;
        """
    }
}
