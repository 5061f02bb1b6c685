import GRDB

/// Appointment duty in the staff ledger (migration `v10-appointment-duty-ledger`): a ledger entry
/// may name the appointment slot whose duty it records — at most one per slot and staff member,
/// enforced by a unique index so a repeated sweep can never count a duty twice — and a slot
/// remembers when its duty went to the ledger (`duty_recorded_at`, NULL while still to do).
extension Migrations {
    static func registerAppointmentDuty(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-appointment-duty-ledger") { db in
            try db.execute(
                sql: """
                    ALTER TABLE ledger_entry ADD COLUMN slot_id INTEGER REFERENCES appointment_slot(id);
                    CREATE UNIQUE INDEX ledger_entry_slot_staff ON ledger_entry(slot_id, staff) WHERE slot_id IS NOT NULL;
                    ALTER TABLE appointment_slot ADD COLUMN duty_recorded_at REAL;
                    CREATE INDEX appointment_slot_duty_pending ON appointment_slot(day) WHERE duty_recorded_at IS NULL;
                    """)
        }
    }
}
