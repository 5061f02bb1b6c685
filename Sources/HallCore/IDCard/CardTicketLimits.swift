/// Whether a person may take one more ticket by card (防重复取号): pure rules over what they took today.
public enum CardTicketLimits {
    /// Refuses a ticket for `serviceID` when `taken` (today's tickets of the person) reaches a limit
    /// of `settings`.
    public static func check(service serviceID: String, taken: [CardTicketRecord], settings: CardTicketSettings) throws(CardTicketError) {
        let openHere = taken.filter { $0.isOpen && $0.serviceID == serviceID }
        if settings.openTicketsPerService > 0, openHere.count >= settings.openTicketsPerService, let last = openHere.last {
            throw .openTicketExists(ticket: last.ticketNumber)
        }
        if settings.ticketsPerDay > 0, taken.count >= settings.ticketsPerDay {
            throw .dailyLimitReached(limit: settings.ticketsPerDay)
        }
    }

    /// The priority of a ticket taken by a holder of `age`: green channel from `settings.priorityAge` on.
    public static func priority(age: Int, settings: CardTicketSettings) -> TicketPriority {
        guard settings.priorityAge > 0, age >= settings.priorityAge else { return .normal }
        return .greenChannel
    }
}
