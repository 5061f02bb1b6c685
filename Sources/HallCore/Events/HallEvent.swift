import Foundation

/// Something that happened in the hall, as pushed to screens and consoles on the event stream
/// and kept in the event log. Events carry no unmasked personal data.
public struct HallEvent: Codable, Sendable, Equatable {
    /// Position in the event log (store-assigned; 0 before storing).
    public var id: Int64
    /// What happened, e.g. `ticket.called`.
    public var type: EventType
    public var at: Date
    /// The ticket concerned, if any.
    public var ticket: Ticket?
    /// The window concerned, if any.
    public var window: Int?
    /// Who did it (staff user name, or `kiosk`, `system`).
    public var actor: String?
    /// Small extra facts, e.g. a transfer's source service.
    public var data: [String: String]?

    public init(
        type: EventType, at: Date, ticket: Ticket? = nil, window: Int? = nil, actor: String? = nil,
        data: [String: String]? = nil
    ) {
        self.id = 0
        self.type = type
        self.at = at
        self.ticket = ticket
        self.window = window
        self.actor = actor
        self.data = data
    }
}

/// The name of an event. Open-ended so each capability can add its own.
public struct EventType: OpenName {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ticketIssued: EventType = "ticket.issued"
    public static let ticketCalled: EventType = "ticket.called"
    public static let ticketRecalled: EventType = "ticket.recalled"
    public static let ticketServing: EventType = "ticket.serving"
    public static let ticketFinished: EventType = "ticket.finished"
    public static let ticketNoShow: EventType = "ticket.no_show"
    public static let ticketHeld: EventType = "ticket.held"
    public static let ticketResumed: EventType = "ticket.resumed"
    public static let ticketTransferred: EventType = "ticket.transferred"
    public static let ticketLeft: EventType = "ticket.left"
    public static let windowPaused: EventType = "window.paused"
    public static let windowResumed: EventType = "window.resumed"
}
