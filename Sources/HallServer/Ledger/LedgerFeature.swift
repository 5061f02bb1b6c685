import Foundation
import HallCore
import HallStore
import Hummingbird

/// The staff ledger (登记台账) of extended service, appointment duty and home visits, and the
/// compensatory time off it earns: recorded, adjusted, exported as CSV and PDF, printed.
public final class LedgerFeature: HallFeature {
    public let service: LedgerService
    let exports: LedgerExports
    let clock: any HallClock
    let timeZone: TimeZone

    init(
        configuration: HallConfiguration, database: HallDatabase, calendar: HallCalendarSource, accounts: any AccountStore,
        clock: any HallClock, sink: any HallEventSink
    ) {
        let timeZone = configuration.queue.timeZone
        service = LedgerService(
            store: SQLiteExtendedStore(database), accounts: accounts, clock: clock, timeZone: timeZone,
            settings: configuration.extendedHours.ledger, calendar: calendar.load, sink: sink)
        exports = LedgerExports(
            center: configuration.center, officePrinter: configuration.officePrinter, timeZone: timeZone,
            clock: clock)
        self.clock = clock
        self.timeZone = timeZone
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        LedgerRoutes(ledger: service, exports: exports, clock: clock, timeZone: timeZone).register(on: router)
    }
}
