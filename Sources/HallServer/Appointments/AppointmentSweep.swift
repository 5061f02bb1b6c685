import HallCore
import Logging

/// Cancels bookings whose time ended without a check-in (视为取消预约, which may suspend a person) and
/// puts the duty of ended slots into the staff ledger.
public struct AppointmentSweep: Sweep {
    public static let name = "appointments"
    public let appointments: AppointmentService
    /// Records the duty of ended slots in the staff ledger (nil: no ledger).
    public let duty: AppointmentDutyRecorder?
    public let interval: Duration
    private let logger = Logger(label: "halld.appointments")

    public init(appointments: AppointmentService, duty: AppointmentDutyRecorder? = nil, interval: Duration = .seconds(60)) {
        self.appointments = appointments
        self.duty = duty
        self.interval = interval
    }

    /// One round; returns how many bookings were cancelled as missed. Missed bookings are settled
    /// before the duty is assessed, so a slot's last no-show is known when its duty is recorded.
    @discardableResult
    public func runOnce() async throws -> Int {
        let missed = try await appointments.sweepMissed().count
        if let duty {
            for failure in try await duty.recordEndedSlots().failures {
                logger.error("appointment duty of slot \(failure.slotID) not recorded in the ledger: \(failure.reason)")
            }
        }
        return missed
    }
}
