import Foundation
import HallCore
import HallStore
import Hummingbird

/// The center head's tools (issue 8): ratings (好差评) and their follow-ups, AB posts, daily and
/// monthly reports, and the ticket keys that let a ticket holder rate from the QR page.
public final class CenterManagement: Sendable {
    public let ratings: RatingService
    public let posts: PostService
    public let reports: ReportService
    public let ticketKeys: TicketKeys
    let accounts: AccountService
    let audit: AuditLog

    init(configuration: HallConfiguration, database: HallDatabase, accounts: AccountService, audit: AuditLog,
         ledger: (any ExtendedHoursMinutesSource)?, clock: any HallClock, sink: any HallEventSink) throws {
        let timeZone = configuration.queue.timeZone
        ratings = RatingService(store: SQLiteRatingStore(database), clock: clock, settings: configuration.ratings,
                                timeZone: timeZone, sink: sink)
        posts = PostService(store: SQLitePostStore(database), accounts: accounts.store, clock: clock, sink: sink)
        // The staff ledger's appointment and extended-hours minutes per staff member.
        reports = ReportService(store: SQLiteReportStore(database), clock: clock, timeZone: timeZone, extendedHours: ledger)
        ticketKeys = try TicketKeys(database: database)
        self.accounts = accounts
        self.audit = audit
    }

    /// Registers the rating, post and report routes.
    func register(on router: Router<HallRequestContext>, clock: any HallClock) {
        RatingRoutes(ratings: ratings, keys: ticketKeys, accounts: accounts, audit: audit, clock: clock).register(on: router)
        PostRoutes(posts: posts).register(on: router)
        ReportRoutes(reports: reports).register(on: router)
    }

    /// The periodic check that flags overdue follow-ups to the head (halld runs it as a service).
    public func makeSweep(interval: Duration = .seconds(300)) -> FollowUpSweep {
        FollowUpSweep(ratings: ratings, interval: interval)
    }
}
