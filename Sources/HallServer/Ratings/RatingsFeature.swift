import Foundation
import HallCore
import HallStore
import Hummingbird

/// Ratings (好差评): given at the window's rating pad or by the ticket holder on the QR page, and
/// the head's follow-ups of bad ratings.
public final class RatingsFeature: HallFeature {
    public let service: RatingService
    let keys: TicketKeys
    let accounts: AccountService
    let audit: AuditLog
    let clock: any HallClock

    init(
        configuration: HallConfiguration, database: HallDatabase, keys: TicketKeys, accounts: AccountsFeature,
        clock: any HallClock, sink: any HallEventSink
    ) {
        service = RatingService(
            store: SQLiteRatingStore(database), clock: clock, settings: configuration.ratings,
            timeZone: configuration.queue.timeZone, sink: sink)
        self.keys = keys
        self.accounts = accounts.service
        audit = accounts.audit
        self.clock = clock
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        RatingRoutes(ratings: service, keys: keys, accounts: accounts, audit: audit, clock: clock).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The periodic check that flags bad ratings' follow-ups past their due day
    /// (`rating.follow_up_overdue`, once each); a round returns the overdue ones.
    public func makeSweep(interval: Duration = .seconds(300)) -> Sweep<[RatingFollowUpStatus]> {
        Sweep("rating-follow-ups", every: interval) { [service] in try await service.checkOverdue() }
    }
}
