import HallCore

/// Announces residents' follow-ups past their due day (`follow_up.overdue`, once each), so the
/// head hears of them without opening the board.
public struct FollowUpOverdueSweep: Sweep {
    public static let name = "follow-ups"
    public let followUps: FollowUpService
    public let interval: Duration

    public init(followUps: FollowUpService, interval: Duration) {
        self.followUps = followUps
        self.interval = interval
    }

    /// One check; returns the follow-ups that became overdue.
    @discardableResult
    public func runOnce() async throws -> [FollowUp] {
        try await followUps.checkOverdue()
    }
}
