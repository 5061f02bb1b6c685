import Foundation

extension IntakeService {
    // MARK: Deadlines

    /// Every running case's deadline standing on today, most urgent first (for the center head).
    public func deadlineBoard() async throws -> [CaseDeadlineStatus] {
        let day = today()
        let within = settings.dueSoonWorkingDays
        return try await store.read { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            return try Self.board(tx.cases(states: CaseState.running), day, calendar, within)
        }
    }

    /// Pushes `case.due_soon` / `case.overdue` for cases that reached a new level since the last check
    /// (each level once per case), and returns the board. Meant to run periodically.
    public func checkDeadlines() async throws -> [CaseDeadlineStatus] {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let within = settings.dueSoonWorkingDays
        return try await run { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            let running = try tx.cases(states: CaseState.running)
            let board = try Self.board(running, day, calendar, within)
            var events: [HallEvent] = []
            for status in board where status.level > .onTrack {
                guard var c = running.first(where: { $0.id == status.caseID }),
                    c.alerted.map({ $0 < status.level }) ?? true
                else { continue }
                c.alerted = status.level
                try tx.update(c)
                var data = [
                    "promisedDay": status.promisedDay.description, "workingDaysLeft": String(status.workingDaysLeft),
                    "waitingFor": status.waitingFor.joined(separator: "、"),
                ]
                if status.isProvisional { data["provisional"] = "true" }
                events.append(Self.event(status.level == .overdue ? .caseOverdue : .caseDueSoon, c, now, "system", data))
            }
            return (board, events)
        }
    }

    /// The deadline standing of each of `cases` on `day`, most urgent first.
    private static func board(
        _ cases: [Case], _ day: LocalDay, _ calendar: WorkingDayCalendar,
        _ within: Int
    ) throws -> [CaseDeadlineStatus] {
        try cases.compactMap { try CaseDeadlines.status(of: $0, today: day, calendar: calendar, dueSoonWorkingDays: within) }
            .sorted { ($0.level, -$0.workingDaysLeft, $0.caseID) > ($1.level, -$1.workingDaysLeft, $1.caseID) }
    }
}
