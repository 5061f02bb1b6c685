import Foundation

/// A waiting ticket's expected wait, as told before closing. Ticket number and service only.
public struct WaitEstimate: Codable, Sendable, Equatable {
    /// The ticket's identifier (its status page is `/t/?id=…`).
    public var ticketID: Int64
    public var number: String
    public var serviceID: String
    public var serviceName: String
    public var peopleAhead: Int
    /// Minutes until the call, from the queue's own estimate (`QueueService.ticketStatus`).
    public var estimatedWaitMinutes: Int
    public var expectedCallAt: Date
    /// Expected to be called after closing time (served in extended hours).
    public var afterClosing: Bool
}

/// The hall's day as screens, consoles and the kiosk see it: phase, hours, the closing notice
/// with every waiting ticket's expected wait, and the extended period. Public: no personal data.
public struct ExtendedStatus: Codable, Sendable, Equatable {
    public var now: Date
    public var day: LocalDay
    public var phase: HallPhase
    public var phaseLabel: String
    /// Today's hours (nil when the calendar of this year is not imported).
    public var today: DayHours?
    public var nextOpening: DayHours?
    public var closingNoticeMinutes: Int
    /// Whole minutes to closing time (negative after it), on open days.
    public var minutesToClosing: Int?
    /// The closing notice is up (closing soon, or extended hours).
    public var noticeActive: Bool
    /// The text the notice shows.
    public var message: String?
    /// The running (or last) extended period of today.
    public var session: ExtendedSession?
    /// Every waiting ticket's expected wait, soonest first (while the notice is up).
    public var waiting: [WaitEstimate]
    /// Why the kiosk refuses tickets now, if it does.
    public var kioskRefusal: String?
}

/// The effective opening hours and the coming days, for pages and `hallctl hours`.
public struct HoursView: Codable, Sendable, Equatable {
    public var openingHours: OpeningHours
    /// `configuration` or `override`.
    public var source: String
    public var updatedAt: Date?
    public var updatedBy: String?
    /// Today and the following days (as far as the official calendar reaches).
    public var days: [DayHours]
    public var closingNoticeMinutes: Int
    /// Years whose official holiday schedule is imported.
    public var calendarYears: [Int]
}
