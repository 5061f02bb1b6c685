import Foundation

/// What case intake needs from storage, inside one transaction. The core owns this protocol;
/// the SQLite store implements it. Every write of one use case happens in one transaction.
public protocol IntakeTransaction {
    /// The imported catalog, nil before the first import.
    func catalog() throws -> Catalog?
    /// Replaces the catalog (running cases keep their own copy of their item).
    func save(catalog: Catalog) throws
    /// Every imported holiday schedule.
    func holidaySchedules() throws -> [HolidaySchedule]
    /// Stores a year's schedule, replacing one of the same year.
    func save(schedule: HolidaySchedule) throws
    func loadCase(id: Int64) throws -> Case?
    func loadCase(number: String) throws -> Case?
    /// Cases in any of `states`, oldest first.
    func cases(states: Set<CaseState>) throws -> [Case]
    /// The next free case sequence number of acceptance `day` (1 on a new day). Unique under concurrency.
    func nextCaseSequence(day: LocalDay) throws -> Int
    /// Stores a new case and returns it with its identifier.
    func insert(_ c: Case) throws -> Case
    func update(_ c: Case) throws
    /// Appends an event to the log and returns it with its position.
    func append(_ event: HallEvent) throws -> HallEvent
}

/// Runs intake work in durable transactions: when `write` returns, the change is on disk; when the
/// closure throws, nothing of it is kept.
public protocol IntakeStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> T) async throws -> T
}
