import GRDB

/// The tables of appointments (`v6-appointments`) and home visits (`v7-home-visits`). Each record
/// is stored as Hall JSON with its searchable facts as columns; events go to the shared `event` table.
extension Migrations {
    static func registerAppointments(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-appointments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE appointment_slot (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        day TEXT NOT NULL,
                        start_minute INTEGER NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX appointment_slot_day ON appointment_slot(day, start_minute);
                    CREATE TABLE appointment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        code TEXT NOT NULL UNIQUE,
                        slot_id INTEGER NOT NULL REFERENCES appointment_slot(id),
                        day TEXT NOT NULL,
                        state TEXT NOT NULL,
                        person_key TEXT NOT NULL,
                        phone TEXT NOT NULL,
                        id_number TEXT,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX appointment_slot_state ON appointment(slot_id, state);
                    CREATE INDEX appointment_state_day ON appointment(state, day);
                    CREATE INDEX appointment_person ON appointment(person_key);
                    CREATE INDEX appointment_phone ON appointment(phone);
                    CREATE INDEX appointment_id_number ON appointment(id_number);
                    CREATE TABLE appointment_suspension (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        person_key TEXT NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX appointment_suspension_person ON appointment_suspension(person_key);
                    """)
        }
        migrator.registerMigration("v7-home-visits") { db in
            try db.execute(
                sql: """
                    CREATE TABLE home_visit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        number TEXT NOT NULL UNIQUE,
                        state TEXT NOT NULL,
                        requested_day TEXT NOT NULL,
                        case_id INTEGER,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX home_visit_state ON home_visit(state);
                    CREATE INDEX home_visit_requested_day ON home_visit(requested_day);
                    """)
        }
    }
}
