/// How close a running case is to its promised completion day.
public enum DeadlineLevel: String, Codable, Sendable, Comparable {
    case onTrack = "on_track"
    /// At most `IntakeSettings.dueSoonWorkingDays` working days left (0 = due today).
    case dueSoon = "due_soon"
    /// The promised day has passed.
    case overdue

    private var rank: Int { self == .onTrack ? 0 : self == .dueSoon ? 1 : 2 }
    public static func < (lhs: DeadlineLevel, rhs: DeadlineLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A running case's deadline standing, for the center head's board.
public struct CaseDeadlineStatus: Codable, Sendable, Hashable {
    public var caseID: Int64
    public var number: String?
    public var itemName: String
    public var owner: String
    public var promisedDay: LocalDay
    public var level: DeadlineLevel
    /// Working days from today to the promised day: 0 when due today, negative when late
    /// (may be 0 on a day off right after the promised day, which is still overdue).
    public var workingDaysLeft: Int
    /// True when the count relied on a year without an official schedule.
    public var isProvisional: Bool
    /// Departments that have not given a final answer yet, to chase (督促).
    public var waitingFor: [String]
}

/// Overdue and due-soon computation as pure functions.
public enum CaseDeadlines {
    /// The standing of `c` on `today`, or nil when its promised date is not running (not accepted
    /// yet, or already decided).
    ///
    /// The board uses the calendar in provisional mode so it never goes blank for a year without a
    /// schedule; such answers are flagged `isProvisional`.
    public static func status(
        of c: Case, today: LocalDay, calendar: WorkingDayCalendar,
        dueSoonWorkingDays: Int
    ) throws -> CaseDeadlineStatus? {
        guard CaseState.running.contains(c.state), let promised = c.promisedDay else { return nil }
        let left = try calendar.workingDays(from: today, to: promised, mode: .provisional)
        let level: DeadlineLevel = today > promised ? .overdue : left.value <= dueSoonWorkingDays ? .dueSoon : .onTrack
        return CaseDeadlineStatus(
            caseID: c.id, number: c.number, itemName: c.item.name, owner: c.owner,
            promisedDay: promised, level: level, workingDaysLeft: left.value,
            isProvisional: left.isProvisional || c.hasProvisionalDates,
            waitingFor: c.openReviews.map(\.department.name))
    }
}
