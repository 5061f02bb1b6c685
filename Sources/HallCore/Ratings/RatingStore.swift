import Foundation

/// What ratings need from storage, inside one transaction. The core owns this protocol; the
/// SQLite store implements it on the hall's database (tickets, event log, accounts are read there).
public protocol RatingTransaction {
    func ticket(id: Int64) throws -> Ticket?
    /// The ticket most recently finished (done) at `window`, if any.
    func lastFinishedTicket(window: Int) throws -> Ticket?
    /// The staff member recorded as finishing the ticket (actor of its `ticket.finished` event).
    func finishedBy(ticketID: Int64) throws -> String?
    /// A staff member's display name.
    func staffName(_ username: String) throws -> String?
    func serviceName(_ serviceID: String) throws -> String?
    func windowName(_ window: Int) throws -> String?
    func rating(ticketID: Int64) throws -> Rating?
    /// Stores a new rating; throws `RatingError.alreadyRated` if the ticket has one.
    func insert(_ rating: Rating) throws -> Rating
    /// Ratings of tickets of the days in `days`, oldest first.
    func ratings(days: ClosedRange<LocalDay>) throws -> [Rating]
    func insert(_ followUp: RatingFollowUp) throws -> RatingFollowUp
    func followUp(id: Int64) throws -> RatingFollowUp?
    /// Follow-ups, newest first; only open ones when `openOnly`.
    func followUps(openOnly: Bool) throws -> [RatingFollowUp]
    func update(_ followUp: RatingFollowUp) throws
    /// The imported official holiday schedules.
    func holidaySchedules() throws -> [HolidaySchedule]
    func append(_ event: HallEvent) throws -> HallEvent
}

/// Runs rating work in durable transactions: when `write` returns, the change is on disk.
public protocol RatingStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any RatingTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any RatingTransaction) throws -> T) async throws -> T
}
