/// What home visits need from storage, inside one transaction. The core owns this protocol; the
/// SQLite store implements it.
public protocol HomeVisitTransaction: HallReferenceData {
    func visit(id: Int64) throws -> HomeVisit?
    func visit(number: String) throws -> HomeVisit?
    /// Visits in any of `states`, oldest first.
    func visits(states: Set<HomeVisitState>) throws -> [HomeVisit]
    /// How many visits were requested on `day` (numbers them).
    func visitCount(requestedOn day: LocalDay) throws -> Int
    /// Stores a new visit and returns it with its identifier.
    func insert(_ visit: HomeVisit) throws -> HomeVisit
    func update(_ visit: HomeVisit) throws
}

/// Runs home-visit work in durable transactions.
public protocol HomeVisitStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> T) async throws -> T
}
