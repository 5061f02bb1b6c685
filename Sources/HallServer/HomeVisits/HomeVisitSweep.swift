import HallCore

/// Announces home-visit requests whose review is overdue and visits whose follow-up is due, so the
/// head hears of them without opening the board.
public struct HomeVisitSweep: Sweep {
    public static let name = "home-visits"
    public let visits: HomeVisitService
    public let interval: Duration

    public init(visits: HomeVisitService, interval: Duration) {
        self.visits = visits
        self.interval = interval
    }

    /// One check; returns the visits past a deadline.
    @discardableResult
    public func runOnce() async throws -> [VisitDeadlineStatus] {
        try await visits.checkDeadlines()
    }
}
