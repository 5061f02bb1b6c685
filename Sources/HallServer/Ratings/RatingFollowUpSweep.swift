import HallCore

/// Flags rating follow-ups past their due day (`rating.follow_up_overdue`, once each), so the
/// head hears of them without opening the page.
public struct RatingFollowUpSweep: Sweep {
    public static let name = "rating-follow-ups"
    public let ratings: RatingService
    public let interval: Duration

    public init(ratings: RatingService, interval: Duration) {
        self.ratings = ratings
        self.interval = interval
    }

    /// One check; returns the overdue follow-ups.
    @discardableResult
    public func runOnce() async throws -> [RatingFollowUpStatus] {
        try await ratings.checkOverdue()
    }
}
