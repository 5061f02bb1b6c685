/// Where the kiosk remembers which tickets each person took by card (`SQLiteCardTicketStore`).
/// Keyed by `CardHolderKey`: no ID number, name or other card data is stored.
public protocol CardTicketStore: Sendable {
    /// The tickets `person` took by card on `day`, with their current state, oldest first.
    func tickets(of person: CardHolderKey, on day: LocalDay) async throws -> [CardTicketRecord]
    /// Remembers that `person` took ticket `ticketID` on `day`.
    func record(_ person: CardHolderKey, ticketID: Int64, on day: LocalDay) async throws
}
