import Foundation

/// The follow-up a bad rating (不满意 / 非常不满意) opens: the center head must contact the
/// resident or review the service, and close it with a note within the configured number of
/// working days.
public struct RatingFollowUp: Codable, Sendable, Hashable, Identifiable {
    public enum State: String, Codable, Sendable, CaseIterable {
        case open
        case closed

        public var label: String { self == .open ? "待处理" : "已办结" }
    }

    /// Store-assigned identifier; 0 until stored.
    public var id: Int64
    public var ratingID: Int64
    public var ticketID: Int64
    public var ticketNumber: String
    public var serviceID: String
    public var window: Int?
    /// The staff member whose service was rated.
    public var staff: String?
    public var level: RatingLevel
    public var state: State
    public var openedAt: Date
    public var openedDay: LocalDay
    /// To be closed by the end of this day (opened day + the configured working days).
    public var dueDay: LocalDay
    /// True when the due day was counted through a year without an official holiday schedule.
    public var isProvisional: Bool
    public var closedAt: Date?
    /// The head who closed it.
    public var closedBy: String?
    /// What was done (required to close).
    public var note: String?
    /// Set once the overdue alert was pushed, so it is pushed once.
    public var overdueAlerted: Bool

    /// A new, open follow-up of `rating`, due by `due`.
    public init(rating: Rating, openedAt: Date, openedDay: LocalDay, due: CalendarAnswer<LocalDay>) {
        self.init(
            id: 0, ratingID: rating.id, ticketID: rating.ticketID, ticketNumber: rating.ticketNumber,
            serviceID: rating.serviceID, window: rating.window, staff: rating.staff, level: rating.level, state: .open,
            openedAt: openedAt, openedDay: openedDay, dueDay: due.value, isProvisional: due.isProvisional)
    }

    /// A follow-up with every field given (as stored).
    public init(
        id: Int64, ratingID: Int64, ticketID: Int64, ticketNumber: String, serviceID: String, window: Int?,
        staff: String?, level: RatingLevel, state: State, openedAt: Date, openedDay: LocalDay, dueDay: LocalDay,
        isProvisional: Bool, closedAt: Date? = nil, closedBy: String? = nil, note: String? = nil,
        overdueAlerted: Bool = false
    ) {
        self.id = id
        self.ratingID = ratingID
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.serviceID = serviceID
        self.window = window
        self.staff = staff
        self.level = level
        self.state = state
        self.openedAt = openedAt
        self.openedDay = openedDay
        self.dueDay = dueDay
        self.isProvisional = isProvisional
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.note = note
        self.overdueAlerted = overdueAlerted
    }
}

/// A follow-up with its standing on a given day, as the head's list shows it.
public struct RatingFollowUpStatus: Codable, Sendable, Equatable {
    public var followUp: RatingFollowUp
    /// Open and past its due day.
    public var isOverdue: Bool
    /// Working days from today to the due day (0 = due today, negative = late); nil once closed.
    public var workingDaysLeft: Int?
}
