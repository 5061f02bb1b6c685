import HallCore
import Logging

/// Periodically cancels bookings whose time ended without a check-in (视为取消预约, which may suspend
/// a person), and announces overdue home-visit reviews and follow-ups.
public struct AppointmentSweep: Sendable {
    public let appointments: AppointmentService
    public let visits: HomeVisitService
    public let interval: Duration
    private let logger = Logger(label: "halld.appointments")

    public init(appointments: AppointmentService, visits: HomeVisitService, interval: Duration = .seconds(60)) {
        self.appointments = appointments
        self.visits = visits
        self.interval = interval
    }

    /// One round; returns how many bookings were cancelled as missed.
    @discardableResult
    public func runOnce() async throws -> Int {
        let missed = try await appointments.sweepMissed().count
        try await visits.checkDeadlines()
        return missed
    }

    /// Runs now and then every `interval` until cancelled. Errors are logged, never fatal.
    public func run() async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("appointment sweep failed: \(error)") }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
