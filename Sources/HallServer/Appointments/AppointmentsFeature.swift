import Foundation
import HallCore
import HallStore
import Hummingbird
import Logging

/// Appointments (预约服务): weekend and evening slots with their duty staff, bookings and their
/// confirmations, check-in at the kiosk (a priority ticket through the ticket desk), missed
/// bookings and the suspensions they bring, and the duty of ended slots in the staff ledger.
public final class AppointmentsFeature: HallFeature {
    public let service: AppointmentService
    /// Puts the duty of ended slots into the staff ledger (登记台账).
    public let duty: AppointmentDutyRecorder
    let desk: TicketDesk
    /// The home visits on a staff member's duty list beside their slots.
    let visits: HomeVisitService
    let documents: AppointmentDocuments
    /// Staff accounts, for the display name a resident's document names (经办人).
    let accounts: any AccountStore
    let office: OfficeDocumentPrinter
    let sweepInterval: Duration

    init(
        configuration: HallConfiguration, database: HallDatabase, queue: QueueFeature, ledger: LedgerService,
        visits: HomeVisitService, accounts: any AccountStore, wording: ResidentWording, clock: any HallClock,
        sink: any HallEventSink
    ) throws {
        self.accounts = accounts
        try configuration.appointments.validate()
        service = AppointmentService(
            store: SQLiteAppointmentStore(database), queue: queue.service, clock: clock,
            settings: configuration.appointments.rules, timeZone: configuration.queue.timeZone, sink: sink)
        duty = AppointmentDutyRecorder(appointments: service, queue: queue.service, ledger: ledger)
        desk = queue.desk
        self.visits = visits
        documents = AppointmentDocuments(center: configuration.center, wording: wording)
        office = OfficeDocumentPrinter(configuration.officePrinter)
        sweepInterval = .seconds(configuration.appointments.sweepIntervalSeconds)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        AppointmentRoutes(feature: self).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The periodic sweep: bookings whose time ended without a check-in are cancelled (视为取消预约, which
    /// may suspend a person), then the duty of ended slots goes into the staff ledger — missed bookings
    /// first, so a slot's last no-show is known when its duty is recorded. A round returns how many
    /// bookings were cancelled as missed.
    public func makeSweep() -> Sweep<Int> {
        Sweep("appointments", every: sweepInterval) { [service, duty] in
            let missed = try await service.sweepMissed().count
            for failure in try await duty.recordEndedSlots().failures {
                Self.logger.error("appointment duty of slot \(failure.slotID) not recorded in the ledger: \(failure.reason)")
            }
            return missed
        }
    }

    private static let logger = Logger(label: "halld.appointments")
}
