import GRDB

extension Migrations {
    /// v14-idcard-tickets: which tickets a person took by ID card at the kiosk, keyed by a keyed
    /// hash of the ID number (never the number, nor any other card data), for the per-person limits.
    static func registerIDCardTickets(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14-idcard-tickets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE idcard_ticket (
                        ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id),
                        person_key TEXT NOT NULL,
                        day TEXT NOT NULL
                    );
                    CREATE INDEX idcard_ticket_person ON idcard_ticket(person_key, day);
                    """)
        }
    }
}
