import Foundation
import GRDB
import HallCore

/// First-start seeding of the catalog and holiday schedules from the shipped data files.
public enum IntakeSeed {
    /// What was seeded.
    public struct Result: Sendable, Equatable {
        public var catalogItems: Int?
        public var scheduleYears: [Int]
    }

    /// Stores `catalog` when no catalog is stored, and `schedules` when no schedule is stored
    /// (validated like an import; a `catalog.imported` / `calendar.imported` event is logged).
    /// Tables that already hold data are left alone, so an administrator's import is never overwritten.
    @discardableResult
    public static func seedIfEmpty(_ database: HallDatabase, catalog: Data?, schedules: [Data], at date: Date) throws -> Result {
        let parsedCatalog = try catalog.map(Catalog.decode(from:))
        var calendar = WorkingDayCalendar()
        for data in schedules { try calendar.add(try HolidaySchedule.decode(from: data)) }
        let parsedSchedules = calendar.coveredYears.compactMap(calendar.schedule(for:))
        return try database.pool.write { db in
            let tx = SQLiteIntakeTransaction(db: db)
            var result = Result(catalogItems: nil, scheduleYears: [])
            if let parsedCatalog, try tx.catalog() == nil {
                try tx.save(catalog: parsedCatalog)
                _ = try tx.append(
                    HallEvent(
                        type: .catalogImported, at: date, actor: "seed",
                        data: ["items": String(parsedCatalog.items.count), "version": parsedCatalog.version ?? ""]))
                result.catalogItems = parsedCatalog.items.count
            }
            if !parsedSchedules.isEmpty, try tx.holidaySchedules().isEmpty {
                for schedule in parsedSchedules { try tx.save(schedule: schedule) }
                _ = try tx.append(
                    HallEvent(
                        type: .calendarImported, at: date, actor: "seed",
                        data: ["coveredYears": calendar.coveredYears.map(String.init).joined(separator: ",")]))
                result.scheduleYears = calendar.coveredYears
            }
            return result
        }
    }
}
