import HallCore
import Logging

/// Periodically flags follow-ups past their due day (`rating.follow_up_overdue`, once each), so
/// the head hears of them without opening the page.
public struct FollowUpSweep: Sendable {
    public let ratings: RatingService
    public let interval: Duration
    private let logger = Logger(label: "halld.follow-ups")

    public init(ratings: RatingService, interval: Duration) {
        self.ratings = ratings
        self.interval = interval
    }

    /// Checks now and then every `interval` until the task is canceled. Errors are logged, never fatal.
    public func run() async {
        while !Task.isCancelled {
            do { try await ratings.checkOverdue() } catch { logger.error("follow-up check failed: \(error)") }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
