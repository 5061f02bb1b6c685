/// The per-person limits riding on the issue of a ticket taken by card: inside the queue's
/// transaction, refuses the ticket when `person` reached a limit of `settings` (`CardTicketLimits`)
/// and records the ticket under the person's keyed hash once it is stored.
public struct CardTicketRider: TicketIssueRider {
    let person: CardHolderKey
    let settings: CardTicketSettings
    let store: any CardTicketStore

    public init(person: CardHolderKey, settings: CardTicketSettings, store: any CardTicketStore) {
        self.person = person
        self.settings = settings
        self.store = store
    }

    public func admit(service: Service, day: LocalDay, in tx: any QueueTransaction) throws {
        let taken = try store.ledger(in: tx).tickets(of: person, on: day)
        try CardTicketLimits.check(service: service.id, taken: taken, settings: settings)
    }

    public func issued(_ ticket: Ticket, in tx: any QueueTransaction) throws {
        try store.ledger(in: tx).record(person, ticketID: ticket.id, on: ticket.day)
    }
}
