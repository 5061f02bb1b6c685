import GRDB

extension Migrations {
    /// v12-ticket-indexes: fewer index pages written per ticket issue and call.
    /// - One index `(day, state, service_id)` serves the day's tickets by state, the counts per
    ///   state and the waiting counts per service, where `(day, state)` and `(day, service_id,
    ///   state)` were two.
    /// - The two indexes that serve only finished tickets (the wait estimate's recent service
    ///   times per service, the rating pad's last ticket per window) hold only rows with
    ///   `state = 'done'`; both queries say `state = 'done'`, which lets SQLite use them.
    static func registerTicketIndexes(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-ticket-indexes") { db in
            try db.execute(
                sql: """
                    DROP INDEX ticket_day_state;
                    DROP INDEX ticket_day_service_state;
                    DROP INDEX ticket_service_closed;
                    DROP INDEX ticket_window_state_closed;
                    \(ticketIndexes)
                    """)
        }
    }

    /// The indexes of `ticket` since v12; a rebuild of `ticket` creates them again.
    static let ticketIndexes = """
        CREATE INDEX ticket_day_state_service ON ticket(day, state, service_id);
        CREATE INDEX ticket_service_done ON ticket(service_id, closed_at) WHERE state = 'done';
        CREATE INDEX ticket_window_done ON ticket(window_number, closed_at) WHERE state = 'done';
        """
}
