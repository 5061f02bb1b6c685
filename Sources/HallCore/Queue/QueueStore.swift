import Foundation

/// What the queue needs from storage, inside one transaction. The core owns this protocol;
/// the SQLite store (and later a PostgreSQL one) implements it.
public protocol QueueTransaction {
    func allServices() throws -> [Service]
    /// The service `key` names (already trimmed): its id or Chinese name, else its ticket prefix in
    /// any case (`Service.named(_:in:)`); nil when none does.
    func service(named key: String) throws -> Service?
    func allWindows() throws -> [ServiceWindow]
    /// How many windows that are not paused serve `serviceID` (what wait estimates divide by).
    func openWindowCount(serving serviceID: String) throws -> Int
    func save(window: ServiceWindow) throws
    func ticket(id: Int64) throws -> Ticket?
    func ticket(number: String, day: LocalDay) throws -> Ticket?
    /// Tickets of `day` in any of `states`, oldest first.
    func tickets(day: LocalDay, states: Set<TicketState>) throws -> [Ticket]
    /// The waiting counts and last sequence number of `serviceID` on `day` (zeros before its first ticket).
    func serviceDay(_ day: LocalDay, serviceID: String) throws -> ServiceDay
    /// How many waiting tickets are called before `ticket` (`CallPolicy.peopleAhead`).
    func countAhead(of ticket: Ticket) throws -> Int
    /// The day's tickets per state (states without tickets left out).
    func ticketCounts(day: LocalDay) throws -> [TicketState: Int]
    /// The day's waiting tickets per service.
    func waitingCounts(day: LocalDay) throws -> [String: Int]
    /// Stores a new ticket and returns it with its identifier; its service's day then counts it
    /// (if it waits) and has its sequence as the last one.
    func insert(_ ticket: Ticket) throws -> Ticket
    func update(_ ticket: Ticket) throws
    /// Service durations in seconds of the most recently finished tickets of a service.
    func recentServiceSeconds(serviceID: String, limit: Int) throws -> [Double]
    /// Appends an event to the log and returns it with its position.
    func append(_ event: HallEvent) throws -> HallEvent
}

extension QueueTransaction {
    /// From `allServices()`; stores answer it with one row.
    public func service(named key: String) throws -> Service? {
        Service.named(key, in: try allServices())
    }

    /// Counts from `allWindows()`; stores answer it with a narrower query.
    public func openWindowCount(serving serviceID: String) throws -> Int {
        try allWindows().filter { !$0.isPaused && $0.serves(serviceID) }.count
    }

    /// From the day's waiting tickets; stores answer it with a count.
    public func countAhead(of ticket: Ticket) throws -> Int {
        CallPolicy.peopleAhead(of: ticket, among: try tickets(day: ticket.day, states: [.waiting]))
    }

    /// From the day's tickets; stores answer it with a grouped count.
    public func ticketCounts(day: LocalDay) throws -> [TicketState: Int] {
        Dictionary(grouping: try tickets(day: day, states: Set(TicketState.allCases)), by: \.state).mapValues(\.count)
    }

    /// From the day's waiting tickets; stores answer it with a grouped count.
    public func waitingCounts(day: LocalDay) throws -> [String: Int] {
        Dictionary(grouping: try tickets(day: day, states: [.waiting]), by: \.serviceID).mapValues(\.count)
    }
}

/// Runs queue work in durable transactions: when `write` returns, the change is on disk.
public protocol QueueStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T
}
