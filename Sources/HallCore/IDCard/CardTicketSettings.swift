/// The kiosk's rules for tickets taken by placing an ID card (刷证取号), from the configuration
/// (`idCard.kiosk`).
public struct CardTicketSettings: Codable, Sendable, Equatable {
    /// Open tickets (waiting, called, serving, held) one person may hold per service; 0: no limit.
    public var openTicketsPerService: Int
    /// Tickets one person may take by card in a day, whatever their state; 0: no limit.
    public var ticketsPerDay: Int
    /// Holders at least this old get a green-channel ticket (绿色通道); 0: no priority from age.
    public var priorityAge: Int

    public init(openTicketsPerService: Int = 1, ticketsPerDay: Int = 3, priorityAge: Int = 0) {
        self.openTicketsPerService = openTicketsPerService
        self.ticketsPerDay = ticketsPerDay
        self.priorityAge = priorityAge
    }
}
