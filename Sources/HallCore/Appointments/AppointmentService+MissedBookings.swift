import Foundation

extension AppointmentService {
    // MARK: Missed bookings

    /// Cancels every booking whose time ended without a check-in (视为取消预约), and suspends people
    /// whose streak of cancellations without reason reached the limit. Returns the bookings cancelled.
    /// Meant to run periodically.
    @discardableResult
    public func sweepMissed() async throws -> [Appointment] {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let timeZone = timeZone
        return try await run { tx in
            var missed: [Appointment] = []
            var events: [HallEvent] = []
            for var a in try tx.appointments(state: .booked, through: today) {
                let end = a.time.end(on: a.day, in: timeZone)
                guard end <= now else { continue }
                a.state = .missed
                a.cancelledAt = end
                a.cancelledBy = "system"
                try tx.update(a)
                missed.append(a)
                events.append(Self.event(.appointmentMissed, a, now, "system"))
            }
            var seen = Set<PersonKey>()
            for a in missed where seen.insert(a.personKey).inserted {
                events += try self.suspendIfDue(a.personKey, tx, now)
            }
            return (missed, events)
        }
    }
}
