import Foundation
import GRDB
import HallCore

/// `HallReferenceData` for a transaction over one GRDB connection: the intake tables for the catalog
/// and the calendar, the account table for staff, the shared event log.
protocol SQLiteReferenceData: HallReferenceData {
    var db: Database { get }
}

extension SQLiteReferenceData {
    func catalog() throws -> Catalog? { try SQLiteIntakeTransaction(db: db).catalog() }

    func holidaySchedules() throws -> [HolidaySchedule] { try SQLiteIntakeTransaction(db: db).holidaySchedules() }

    func activeStaffName(username: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT display_name FROM account WHERE username = ? AND active = 1"),
            arguments: [username])
    }

    func append(_ event: HallEvent) throws -> HallEvent { try EventLog.append(event, in: db) }
}
