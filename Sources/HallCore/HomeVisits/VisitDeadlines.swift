/// Which deadline of a home visit is running.
public enum VisitDeadlineKind: String, Codable, Sendable {
    /// The one-working-day review of a request.
    case review
    /// The deadline of an item left unfinished on site.
    case followUp = "follow_up"
}

/// A running home-visit deadline, for the center head's board.
public struct VisitDeadlineStatus: Codable, Sendable, Hashable {
    public var visitID: Int64
    public var number: String
    public var itemName: String
    public var kind: VisitDeadlineKind
    public var dueDay: LocalDay
    public var level: DeadlineLevel
    /// Working days from today to the due day: 0 when due today, negative when late.
    public var workingDaysLeft: Int
    /// Visiting staff (follow-ups), user names.
    public var staff: [String]
}

/// Review and follow-up deadlines as pure functions.
public enum VisitDeadlines {
    /// The running deadline of `visit` on `today`, or nil when none runs. Uses the calendar in
    /// provisional mode so the board never goes blank for a year without a schedule.
    public static func status(of visit: HomeVisit, today: LocalDay, calendar: WorkingDayCalendar) throws -> VisitDeadlineStatus? {
        let kind: VisitDeadlineKind
        let due: LocalDay
        switch visit.state {
        case .requested:
            kind = .review
            due = visit.reviewDue
        case .followUp:
            guard let deadline = visit.outcome?.deadline else { return nil }
            kind = .followUp
            due = deadline
        default:
            return nil
        }
        let left = try calendar.workingDays(from: today, to: due, mode: .provisional).value
        let soon = kind == .review ? 0 : 1
        let level: DeadlineLevel = today > due ? .overdue : left <= soon ? .dueSoon : .onTrack
        return VisitDeadlineStatus(
            visitID: visit.id, number: visit.number, itemName: visit.itemName, kind: kind, dueDay: due,
            level: level, workingDaysLeft: left, staff: visit.plan?.staff.map(\.username) ?? [])
    }
}
