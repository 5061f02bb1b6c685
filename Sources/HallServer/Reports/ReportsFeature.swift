import HallCore
import HallStore
import Hummingbird

/// Daily and monthly reports of the hall: tickets and waits, cases and deadlines, ratings, and the
/// staff ledger's minutes.
public final class ReportsFeature: HallFeature {
    public let service: ReportService

    init(configuration: HallConfiguration, database: HallDatabase, ledger: LedgerService, clock: any HallClock) {
        service = ReportService(
            store: SQLiteReportStore(database), clock: clock, timeZone: configuration.queue.timeZone,
            extendedHours: ledger)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        ReportRoutes(reports: service).register(on: router)
    }
}
