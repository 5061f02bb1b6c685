import Foundation

/// One resident's rating of one service (ticket). A ticket is rated at most once.
/// It carries no personal data: the ticket number, the window and the staff member who served.
public struct Rating: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier; 0 until stored.
    public var id: Int64
    public var ticketID: Int64
    public var ticketNumber: String
    /// The local day of the ticket.
    public var day: LocalDay
    public var serviceID: String
    public var window: Int?
    /// User name of the staff member who finished the service, when known.
    public var staff: String?
    public var level: RatingLevel
    public var channel: RatingChannel
    /// The rating pad's device id (pad ratings).
    public var device: String?
    public var at: Date

    public init(
        id: Int64, ticketID: Int64, ticketNumber: String, day: LocalDay, serviceID: String, window: Int?,
        staff: String?, level: RatingLevel, channel: RatingChannel, device: String?, at: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.day = day
        self.serviceID = serviceID
        self.window = window
        self.staff = staff
        self.level = level
        self.channel = channel
        self.device = device
        self.at = at
    }

    /// A new rating of `ticket` (served at its window by `staff`).
    public init(ticket: Ticket, staff: String?, level: RatingLevel, channel: RatingChannel, device: String?, at: Date) {
        self.init(
            id: 0, ticketID: ticket.id, ticketNumber: ticket.number, day: ticket.day, serviceID: ticket.serviceID,
            window: ticket.windowNumber, staff: staff, level: level, channel: channel, device: device, at: at)
    }
}

/// What a successful rating produced: the rating and, for a bad one, the follow-up it opened.
public struct RatingReceipt: Codable, Sendable, Equatable {
    public var rating: Rating
    public var followUp: RatingFollowUp?
    /// Chinese thanks for the resident.
    public var message: String
}

/// Whether a ticket can still be rated, for the QR status page (no personal data).
public struct TicketRatingStatus: Codable, Sendable, Equatable {
    public var ticketNumber: String
    /// The service is finished (办结): rating is meaningful.
    public var isFinished: Bool
    /// Already rated: the level given.
    public var level: RatingLevel?
    /// The caller may rate now (finished, not rated, in time, and the caller holds the ticket's key).
    public var canRate: Bool
    /// Why not, in Chinese (nil when `canRate`).
    public var reason: String?
}
