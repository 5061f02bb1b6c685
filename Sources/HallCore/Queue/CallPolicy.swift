/// Decides which waiting ticket a window calls next.
///
/// Order: priority tickets (appointment check-ins, green channel) first; then the oldest issue
/// time across all services the window serves; ties go to the window's preferred service.
/// A ticket transferred to a specific window is called only by that window.
public enum CallPolicy {
    /// The next ticket for `window` among `waiting`, or nil when nobody it serves is waiting.
    public static func next(for window: ServiceWindow, among waiting: [Ticket]) -> Ticket? {
        waiting
            .filter { isEligible($0, for: window) }
            .min { precedes($0, $1, rank: window.serviceIDs) }
    }

    /// Whether `window` may call `ticket` now.
    public static func isEligible(_ ticket: Ticket, for window: ServiceWindow) -> Bool {
        guard ticket.state == .waiting else { return false }
        if let target = ticket.windowNumber { return target == window.number }
        return window.serves(ticket.serviceID)
    }

    /// Queue order within one window's view.
    static func precedes(_ a: Ticket, _ b: Ticket, rank: [String]) -> Bool {
        if a.priority.isPriority != b.priority.isPriority { return a.priority.isPriority }
        if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
        let ra = rank.firstIndex(of: a.serviceID) ?? rank.count
        let rb = rank.firstIndex(of: b.serviceID) ?? rank.count
        if ra != rb { return ra < rb }
        return a.id < b.id
    }

    /// People ahead of a ticket being issued now (the newest of its service): every waiting
    /// ticket of the service for a normal ticket, only the waiting priority ones for a priority
    /// ticket. Equivalent to `peopleAhead(of:among:)` for the newest ticket, without loading the queue.
    public static func peopleAheadOfNewTicket(priority: TicketPriority, waiting: Int, waitingPriority: Int) -> Int {
        priority.isPriority ? waitingPriority : waiting
    }

    /// How many tickets of `ticket`'s service will be called before it (priority tickets and
    /// older tickets of the same service).
    public static func peopleAhead(of ticket: Ticket, among waiting: [Ticket]) -> Int {
        waiting.filter { other in
            other.id != ticket.id && other.state == .waiting && other.serviceID == ticket.serviceID
                && precedes(other, ticket, rank: [])
        }.count
    }
}
