import Foundation

/// A ticket a person took by card: which service, and whether it is still open now.
public struct CardTicketRecord: Sendable, Equatable {
    public var ticketID: Int64
    public var ticketNumber: String
    public var serviceID: String
    public var state: TicketState

    public init(ticketID: Int64, ticketNumber: String, serviceID: String, state: TicketState) {
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.serviceID = serviceID
        self.state = state
    }

    /// Whether the ticket still needs attention today.
    public var isOpen: Bool { TicketState.open.contains(state) }
}
