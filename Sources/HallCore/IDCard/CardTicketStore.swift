/// Where the kiosk remembers which tickets each person took by card (`SQLiteCardTicketStore`):
/// a ledger on the queue's own transaction, so the limit check, the ticket and its record commit
/// together. Keyed by `CardHolderKey`: no ID number, name or other card data is stored.
public protocol CardTicketStore: Sendable {
    /// The ledger inside `tx`, the transaction issuing a ticket.
    func ledger(in tx: any QueueTransaction) throws -> any CardTicketLedger
}

/// The tickets taken by card, read and written inside one queue transaction.
public protocol CardTicketLedger {
    /// The tickets `person` took by card on `day`, with their current state, oldest first.
    func tickets(of person: CardHolderKey, on day: LocalDay) throws -> [CardTicketRecord]
    /// Remembers that `person` took ticket `ticketID` on `day`.
    func record(_ person: CardHolderKey, ticketID: Int64, on day: LocalDay) throws
}
