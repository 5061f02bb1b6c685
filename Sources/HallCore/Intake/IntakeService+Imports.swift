import Foundation

extension IntakeService {
    // MARK: Catalog and calendar

    /// The imported catalog.
    public func catalog() async throws -> Catalog {
        try await store.read { tx in
            guard let catalog = try tx.catalog() else { throw CaseError.catalogNotLoaded }
            return catalog
        }
    }

    /// The working-day calendar of every imported schedule.
    public func calendar() async throws -> WorkingDayCalendar {
        try await store.read { try WorkingDayCalendar(schedules: $0.holidaySchedules()) }
    }

    /// Validates and stores a catalog given as JSON (`hallctl catalog import`).
    public func importCatalog(_ data: Data, actor: String) async throws -> Catalog {
        let catalog = try Catalog.decode(from: data)
        let now = clock.now()
        return try await run { tx in
            try tx.save(catalog: catalog)
            let event = try tx.append(
                HallEvent(
                    type: .catalogImported, at: now, actor: actor,
                    data: ["items": String(catalog.items.count), "version": catalog.version ?? ""]))
            return (catalog, [event])
        }
    }

    /// Validates and stores a year's holiday schedule given as JSON (`hallctl calendar import`).
    /// An already imported year is refused unless `replacing`.
    public func importSchedule(_ data: Data, replacing: Bool = false, actor: String) async throws -> HolidaySchedule {
        let schedule = try HolidaySchedule.decode(from: data)
        let now = clock.now()
        return try await run { tx in
            var calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            try calendar.add(schedule, replacing: replacing)
            try tx.save(schedule: schedule)
            let event = try tx.append(
                HallEvent(
                    type: .calendarImported, at: now, actor: actor,
                    data: [
                        "year": String(schedule.year),
                        "coveredYears":
                            calendar.coveredYears.map(String.init).joined(separator: ","),
                    ]))
            return (schedule, [event])
        }
    }
}
