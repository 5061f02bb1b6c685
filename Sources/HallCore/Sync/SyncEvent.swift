import Foundation

/// One event of a hall's log as it crosses to the banner's hub: the projection
/// (`SyncProjection`) of a `HallEvent`, never the event itself. It holds what oversight needs
/// (what happened, when, at which window, to which numbered ticket of which service) and no
/// resident's name, ID number or phone number.
public struct SyncEvent: Codable, Sendable, Equatable {
    /// The event's position in the hall's log; increasing, per hall, not always contiguous.
    public var sequence: Int64
    /// e.g. `ticket.called`.
    public var type: String
    public var at: Date
    /// The ticket concerned, without anything about its holder (a ticket carries no personal data).
    public var ticket: SyncTicket?
    /// The window concerned, if any.
    public var window: Int?
    /// The staff account that did it (`kiosk`, `system` for machines); staff, not residents.
    public var actor: String?
    /// The event's facts whose keys `SyncProjection.crossingKeys` lists; anything else stays home.
    public var data: [String: String]

    public init(
        sequence: Int64, type: String, at: Date, ticket: SyncTicket? = nil, window: Int? = nil, actor: String? = nil,
        data: [String: String] = [:]
    ) {
        self.sequence = sequence
        self.type = type
        self.at = at
        self.ticket = ticket
        self.window = window
        self.actor = actor
        self.data = data
    }
}

/// A queue ticket as the hub sees it: its number and timings, for waits and tickets per day.
public struct SyncTicket: Codable, Sendable, Equatable {
    public var number: String
    /// The local day (`2026-03-02`).
    public var day: String
    public var serviceID: String
    public var issuedServiceID: String
    /// `normal` or a priority class (no reason, no person).
    public var priority: String
    public var state: String
    public var issuedAt: Date
    public var calledAt: Date?
    public var servingAt: Date?
    public var closedAt: Date?
    public var windowNumber: Int?

    public init(_ ticket: Ticket) {
        number = ticket.number
        day = ticket.day.description
        serviceID = ticket.serviceID
        issuedServiceID = ticket.issuedServiceID
        priority = ticket.priority.rawValue
        state = ticket.state.rawValue
        issuedAt = ticket.issuedAt
        calledAt = ticket.calledAt
        servingAt = ticket.servingAt
        closedAt = ticket.closedAt
        windowNumber = ticket.windowNumber
    }
}
