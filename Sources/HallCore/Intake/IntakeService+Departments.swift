import Foundation

/// The department reviewer's side of parallel processing (并联办理): the cases routed to one
/// department, as that department may see them.
extension IntakeService {
    /// States in which a routed case is still of interest to its departments.
    static let routedStates: Set<CaseState> = [.inReview, .decided, .notified, .delivered]

    /// The cases routed to `departmentID` that are not closed: those still waiting for this
    /// department's answer first (most urgent deadline first), then the answered ones (newest answer first).
    public func departmentCases(_ departmentID: String) async throws -> [ReviewerCaseView] {
        let day = today()
        let within = settings.dueSoonWorkingDays
        let views = try await store.read { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            return try tx.cases(states: Self.routedStates)
                .filter { c in c.reviews.contains { $0.department.id == departmentID } }
                .map { c in
                    try ReviewerCaseView(
                        c, departmentID: departmentID,
                        deadline: CaseDeadlines.status(
                            of: c, today: day, calendar: calendar,
                            dueSoonWorkingDays: within))
                }
        }
        return views.sorted(by: Self.reviewOrder)
    }

    /// One case as `departmentID` sees it.
    /// - Throws: `ReviewAccessError.notRouted` when the case was not routed to the department.
    public func departmentCase(_ c: Case, departmentID: String) async throws -> ReviewerCaseView {
        let day = today()
        let within = settings.dueSoonWorkingDays
        return try await store.read { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            return try ReviewerCaseView(
                c, departmentID: departmentID,
                deadline: CaseDeadlines.status(
                    of: c, today: day, calendar: calendar,
                    dueSoonWorkingDays: within))
        }
    }

    static func reviewOrder(_ a: ReviewerCaseView, _ b: ReviewerCaseView) -> Bool {
        if a.awaitingAnswer != b.awaitingAnswer { return a.awaitingAnswer }
        if a.awaitingAnswer {
            let aLevel = a.deadlineLevel ?? .onTrack, bLevel = b.deadlineLevel ?? .onTrack
            if aLevel != bLevel { return aLevel > bLevel }
            if a.workingDaysLeft != b.workingDaysLeft { return (a.workingDaysLeft ?? .max) < (b.workingDaysLeft ?? .max) }
            return a.caseID < b.caseID
        }
        return (a.review.answeredAt ?? .distantPast, a.caseID) > (b.review.answeredAt ?? .distantPast, b.caseID)
    }
}
