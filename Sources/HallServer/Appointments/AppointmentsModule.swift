import Foundation
import HallCore
import HallStore
import Logging

/// Appointments (预约服务) and home visits (上门服务) of the hall, wired to the database, the queue
/// (priority tickets), intake (cases opened on site), the office printer and the receipt printer.
public final class AppointmentsModule: Sendable {
    public let appointments: AppointmentService
    public let visits: HomeVisitService
    /// Home-visit receipts in ESC/POS.
    public let receipts: VisitReceipts
    /// Puts the duty of ended slots into the staff ledger (登记台账).
    public let duty: AppointmentDutyRecorder
    let intake: IntakeService
    let documents: AppointmentDocuments
    let office: OfficeDocumentPrinter
    let sweepInterval: Duration

    init(configuration: HallConfiguration, database: HallDatabase, queue: QueueService, intake: IntakeService,
         ledger: LedgerService, clock: any HallClock, sink: any HallEventSink, logger: Logger) throws {
        try configuration.appointments.validate()
        let rules = configuration.appointments.rules
        let timeZone = configuration.queue.timeZone
        appointments = AppointmentService(store: SQLiteAppointmentStore(database), queue: queue, clock: clock, settings: rules,
                                          timeZone: timeZone, sink: sink)
        visits = HomeVisitService(store: SQLiteHomeVisitStore(database), intake: intake, clock: clock, settings: rules,
                                  timeZone: timeZone, sink: sink)
        duty = AppointmentDutyRecorder(appointments: appointments, queue: queue, ledger: ledger)
        receipts = try VisitReceipts(configuration: configuration, database: database, logger: logger)
        self.intake = intake
        documents = AppointmentDocuments(center: configuration.center)
        office = OfficeDocumentPrinter(configuration.officePrinter)
        sweepInterval = .seconds(configuration.appointments.sweepIntervalSeconds)
    }

    /// The periodic sweep: missed bookings cancelled, the duty of ended slots in the ledger, overdue
    /// home-visit deadlines announced.
    public func makeSweep() -> AppointmentSweep {
        AppointmentSweep(appointments: appointments, visits: visits, duty: duty, interval: sweepInterval)
    }
}
