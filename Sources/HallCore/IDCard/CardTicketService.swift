import Foundation

/// The kiosk's per-person rules for tickets taken by ID card: before a ticket is issued (through
/// the queue's one issue path, by the server's ticket desk), `admit` resolves the service, applies
/// the limits to what the person took today and says the priority their age gives; after, `remember`
/// keeps the ticket under the person's keyed hash. Card data itself never reaches the store.
public struct CardTicketService: Sendable {
    let store: any CardTicketStore
    let queue: QueueService
    let settings: CardTicketSettings
    let clock: any HallClock
    let timeZone: TimeZone

    public init(store: any CardTicketStore, queue: QueueService, settings: CardTicketSettings, clock: any HallClock, timeZone: TimeZone) {
        self.store = store
        self.queue = queue
        self.settings = settings
        self.clock = clock
        self.timeZone = timeZone
    }

    /// What the kiosk may issue to the holder of `person`, born `birthDate`, for `serviceKey`.
    public func admit(_ person: CardHolderKey, birthDate: LocalDay, serviceKey: String) async throws -> CardTicketAdmission {
        let service = try QueueService.resolveService(serviceKey, in: try await queue.services())
        let today = self.today
        try CardTicketLimits.check(service: service.id, taken: try await store.tickets(of: person, on: today), settings: settings)
        let b = birthDate
        let age = today.year - b.year - ((today.month, today.day) < (b.month, b.day) ? 1 : 0)
        return CardTicketAdmission(serviceID: service.id, priority: CardTicketLimits.priority(age: age, settings: settings))
    }

    /// Keeps ticket `ticketID` as taken by `person` today.
    public func remember(_ person: CardHolderKey, ticketID: Int64) async throws {
        try await store.record(person, ticketID: ticketID, on: today)
    }

    /// The hall's day now.
    public var today: LocalDay { LocalDay(clock.now(), in: timeZone) }
}

/// What `CardTicketService.admit` allows: the service (resolved) and the ticket's priority.
public struct CardTicketAdmission: Sendable, Equatable {
    public var serviceID: String
    public var priority: TicketPriority
}
