import Foundation
import HallCore
import HallStore

/// Opening hours, extended service, the staff ledger and follow-ups of one hall, wired to its
/// database, queue, calendar (imported with the intake data), accounts and printers.
public final class ExtendedHoursHall: Sendable {
    public let hours: ExtendedHoursService
    public let ledger: LedgerService
    public let followUps: FollowUpService
    public let settings: ExtendedHoursSettings
    let slips: WaitSlipPrinting
    let exports: LedgerExports

    init(configuration: HallConfiguration, database: HallDatabase, queue: QueueService, intake: IntakeService,
         accounts: any AccountStore, printing: TicketPrinting?, clock: any HallClock, sink: any HallEventSink) {
        let settings = configuration.extendedHours
        let timeZone = configuration.queue.timeZone
        let calendar: @Sendable () async throws -> WorkingDayCalendar = { try await intake.calendar() }
        self.settings = settings
        let store = SQLiteExtendedStore(database)
        hours = ExtendedHoursService(store: store, queue: queue, accounts: accounts, clock: clock,
                                     timeZone: timeZone, settings: settings, calendar: calendar, sink: sink)
        ledger = LedgerService(store: store, accounts: accounts, clock: clock, timeZone: timeZone,
                               settings: settings.ledger, calendar: calendar, sink: sink)
        followUps = FollowUpService(store: store, accounts: accounts, clock: clock, timeZone: timeZone,
                                    settings: settings.followUps, calendar: calendar, sink: sink)
        slips = WaitSlipPrinting(printing: printing, center: configuration.center, timeZone: timeZone, clock: clock)
        exports = LedgerExports(center: configuration.center, officePrinter: configuration.officePrinter, timeZone: timeZone,
                                clock: clock)
    }
}
