/// Work of another feature that belongs in the transaction issuing a ticket, e.g. the per-person
/// limits of tickets taken by ID card: `admit` runs before the ticket is numbered and refuses it by
/// throwing; `issued` runs once it is stored. Both share the queue's transaction, so the ticket and
/// what the rider records commit together or not at all, and two issues never see each other half
/// done (the queue's writes are serialised).
public protocol TicketIssueRider: Sendable {
    /// May a ticket of `service` be issued on `day`? Throws to refuse it (nothing is written).
    func admit(service: Service, day: LocalDay, in tx: any QueueTransaction) throws
    /// `ticket` has been stored in `tx`.
    func issued(_ ticket: Ticket, in tx: any QueueTransaction) throws
}
