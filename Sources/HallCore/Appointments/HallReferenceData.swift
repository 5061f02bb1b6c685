/// What appointments and home visits read from the rest of the hall inside their transactions:
/// the catalog, the official calendar, staff accounts, and the shared event log.
public protocol HallReferenceData {
    /// The imported catalog, nil before the first import.
    func catalog() throws -> Catalog?
    /// Every imported holiday schedule.
    func holidaySchedules() throws -> [HolidaySchedule]
    /// The display name of an active staff account (not a device), nil when there is none.
    func activeStaffName(username: String) throws -> String?
    /// Appends an event to the log and returns it with its position.
    func append(_ event: HallEvent) throws -> HallEvent
}

extension HallReferenceData {
    /// The working-day calendar of every imported schedule.
    public func calendar() throws -> WorkingDayCalendar {
        try WorkingDayCalendar(schedules: holidaySchedules())
    }

    /// The catalog, or `CaseError.catalogNotLoaded`.
    public func requireCatalog() throws -> Catalog {
        guard let catalog = try catalog() else { throw CaseError.catalogNotLoaded }
        return catalog
    }

    /// The named staff members, each an active account; throws for the first unknown one.
    public func dutyStaff(_ usernames: [String], unknown: (String) -> any Error) throws -> [DutyStaff] {
        var seen = Set<String>()
        return try usernames.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            .map { username in
                guard let name = try activeStaffName(username: username) else { throw unknown(username) }
                return DutyStaff(username: username, displayName: name)
            }
    }
}
