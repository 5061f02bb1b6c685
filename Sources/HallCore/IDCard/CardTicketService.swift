import Foundation

/// The kiosk's per-person rules for tickets taken by ID card: `admission` says the priority the
/// holder's age gives and the rider that applies the limits to what the person took today and
/// records the ticket under the person's keyed hash, inside the queue's transaction issuing it
/// (through the queue's one issue path, by the server's ticket desk). Card data never reaches the store.
public struct CardTicketService: Sendable {
    let store: any CardTicketStore
    let settings: CardTicketSettings
    let clock: any HallClock
    let timeZone: TimeZone

    public init(store: any CardTicketStore, settings: CardTicketSettings, clock: any HallClock, timeZone: TimeZone) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.timeZone = timeZone
    }

    /// How a ticket for the holder of `person`, born `birthDate`, is issued.
    public func admission(_ person: CardHolderKey, birthDate: LocalDay) -> CardTicketAdmission {
        let today = self.today, b = birthDate
        let age = today.year - b.year - ((today.month, today.day) < (b.month, b.day) ? 1 : 0)
        return CardTicketAdmission(
            priority: CardTicketLimits.priority(age: age, settings: settings),
            rider: CardTicketRider(person: person, settings: settings, store: store))
    }

    /// The hall's day now.
    public var today: LocalDay { LocalDay(clock.now(), in: timeZone) }
}

/// What `CardTicketService.admission` gives: the ticket's priority and the limits riding on its issue.
public struct CardTicketAdmission: Sendable {
    public var priority: TicketPriority
    public var rider: CardTicketRider
}
