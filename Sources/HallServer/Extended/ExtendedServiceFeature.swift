import Foundation
import HallCore
import HallStore
import Hummingbird

/// Opening hours and extended service (延时服务): the hall's hours, ticket admission, the closing
/// notice, extended sessions and replacements, and the expected-wait slip printed at the kiosk.
public final class ExtendedServiceFeature: HallFeature {
    public let hours: ExtendedHoursService
    let slips: WaitSlipPrinting
    let clock: any HallClock
    let timeZone: TimeZone
    let checkInterval: Duration

    init(
        configuration: HallConfiguration, database: HallDatabase, queue: QueueService, calendar: HallCalendarSource,
        accounts: any AccountStore, printing: TicketPrinting?, wording: ResidentWording? = nil, clock: any HallClock,
        sink: any HallEventSink
    ) {
        let timeZone = configuration.queue.timeZone
        hours = ExtendedHoursService(
            store: SQLiteExtendedStore(database), queue: queue, accounts: accounts, clock: clock,
            timeZone: timeZone, settings: configuration.extendedHours, calendar: calendar.load, sink: sink)
        slips = WaitSlipPrinting(printing: printing, center: configuration.center, timeZone: timeZone, clock: clock, wording: wording)
        self.clock = clock
        self.timeZone = timeZone
        checkInterval = .seconds(configuration.extendedHours.checkIntervalSeconds)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        HoursRoutes(feature: self).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The periodic check that starts and ends extended hours and gives the closing notice, so these
    /// reach the event stream without anyone asking.
    public func makeSweep() -> Sweep<ExtendedStatus> {
        Sweep("extended", every: checkInterval) { [hours] in try await hours.check() }
    }
}
