import HallCore

/// Cancels bookings whose time ended without a check-in (视为取消预约, which may suspend a person),
/// and announces overdue home-visit reviews and follow-ups.
public struct AppointmentSweep: Sweep {
    public static let name = "appointments"
    public let appointments: AppointmentService
    public let visits: HomeVisitService
    public let interval: Duration

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
}
