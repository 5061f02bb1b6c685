import Foundation
import HallCore
import HallStore
import Hummingbird
import Logging

/// Home visits (上门服务): requests and their review, the visit plan, the case opened on site, the
/// outcome and its receipt on the team's portable printer, follow-ups, quality calls and spot checks.
public final class HomeVisitsFeature: HallFeature {
    public let service: HomeVisitService
    /// Home-visit receipts in ESC/POS.
    public let receipts: VisitReceipts
    let intake: IntakeService
    let caseKeys: CaseKeys
    let documents: AppointmentDocuments
    let office: OfficeDocumentPrinter
    let sweepInterval: Duration

    init(
        configuration: HallConfiguration, database: HallDatabase, intake: IntakeFeature, wording: ResidentWording,
        clock: any HallClock, sink: any HallEventSink, logger: Logger
    ) throws {
        service = HomeVisitService(
            store: SQLiteHomeVisitStore(database), intake: intake.service, clock: clock,
            settings: configuration.appointments.rules, timeZone: configuration.queue.timeZone, sink: sink)
        receipts = try VisitReceipts(configuration: configuration, database: database, wording: intake.content.wording, logger: logger)
        self.intake = intake.service
        caseKeys = intake.keys
        documents = AppointmentDocuments(center: configuration.center, wording: wording)
        office = OfficeDocumentPrinter(configuration.officePrinter)
        sweepInterval = .seconds(configuration.appointments.sweepIntervalSeconds)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        HomeVisitRoutes(feature: self).register(on: router.group("api"))
    }

    public var backgroundWork: [BackgroundWork] {
        [BackgroundWork("visit-receipts") { [receipts] in await receipts.run() }, makeSweep().backgroundWork]
    }

    /// The periodic check that announces overdue home-visit reviews and follow-ups.
    public func makeSweep() -> Sweep<[VisitDeadlineStatus]> {
        Sweep("home-visits", every: sweepInterval) { [service] in try await service.checkDeadlines() }
    }
}
