import Foundation

extension HomeVisitService {
    // MARK: Deadlines

    /// Running review and follow-up deadlines, overdue first.
    public func board() async throws -> [VisitDeadlineStatus] {
        let day = today()
        return try await store.read { tx in try Self.board(tx, day) }
    }

    /// Announces overdue reviews and follow-ups once each (`visit.review_overdue`, `visit.follow_up_overdue`)
    /// and returns the board. Meant to run periodically.
    @discardableResult
    public func checkDeadlines() async throws -> [VisitDeadlineStatus] {
        let now = clock.now()
        let day = LocalDay(now, in: timeZone)
        return try await run { tx in
            let board = try Self.board(tx, day)
            var events: [HallEvent] = []
            for status in board where status.level == .overdue {
                guard var v = try tx.visit(id: status.visitID) else { continue }
                switch status.kind {
                case .review:
                    guard !v.reviewOverdueAlerted else { continue }
                    v.reviewOverdueAlerted = true
                    events.append(Self.event(.visitReviewOverdue, v, now, "system", ["dueDay": status.dueDay.description]))
                case .followUp:
                    guard !v.followUpOverdueAlerted else { continue }
                    v.followUpOverdueAlerted = true
                    events.append(Self.event(.visitFollowUpOverdue, v, now, "system", ["dueDay": status.dueDay.description]))
                }
                try tx.update(v)
            }
            return (board, events)
        }
    }

    /// The running deadlines on `day`, overdue first.
    private static func board(_ tx: any HomeVisitTransaction, _ day: LocalDay) throws -> [VisitDeadlineStatus] {
        let calendar = try tx.calendar()
        return try tx.visits(states: [.requested, .followUp])
            .compactMap { try VisitDeadlines.status(of: $0, today: day, calendar: calendar) }
            .sorted { ($0.level, -$0.workingDaysLeft, $0.visitID) > ($1.level, -$1.workingDaysLeft, $1.visitID) }
    }
}
