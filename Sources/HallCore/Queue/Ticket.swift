import Foundation

/// A queue ticket. It carries no personal data: the number is all a public surface needs.
public struct Ticket: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier; 0 until stored.
    public var id: Int64
    /// Printed number, e.g. `A001`.
    public var number: String
    /// The local day the number belongs to.
    public var day: LocalDay
    /// Position in the day's sequence of the service it was issued for.
    public var sequence: Int
    /// The service the ticket now waits for (changes on transfer).
    public var serviceID: String
    /// The service it was issued for.
    public var issuedServiceID: String
    public var priority: TicketPriority
    public var state: TicketState
    /// When issued; kept across transfers so a transferred resident does not go to the back.
    public var issuedAt: Date
    /// Last time it was called (or recalled).
    public var calledAt: Date?
    /// When the resident sat down at the window.
    public var servingAt: Date?
    /// When it reached done, no-show or left.
    public var closedAt: Date?
    /// The window that called it; for a waiting ticket, the window it was transferred to, if any.
    public var windowNumber: Int?
    /// How many times it was called again after the first call.
    public var recalls: Int
    /// How many times it was transferred.
    public var transfers: Int
    /// Seconds spent being served before a hold, so service time survives hold/resume.
    public var servedSecondsBeforeHold: Double

    public init(
        id: Int64 = 0, number: String, day: LocalDay, sequence: Int, serviceID: String,
        priority: TicketPriority, issuedAt: Date
    ) {
        self.id = id
        self.number = number
        self.day = day
        self.sequence = sequence
        self.serviceID = serviceID
        self.issuedServiceID = serviceID
        self.priority = priority
        self.state = .waiting
        self.issuedAt = issuedAt
        self.recalls = 0
        self.transfers = 0
        self.servedSecondsBeforeHold = 0
    }

    /// Minutes between issue and first call, for reports.
    public var waitedSeconds: Double? { calledAt.map { $0.timeIntervalSince(issuedAt) } }

    /// Seconds at the window, for finished tickets.
    public var servedSeconds: Double? {
        guard state == .done, let start = servingAt, let end = closedAt else { return nil }
        return servedSecondsBeforeHold + end.timeIntervalSince(start)
    }
}
