import Foundation

extension AppointmentService {
    // MARK: Suspensions

    /// Lifts a suspension early (the center head), with the reason on record.
    public func liftSuspension(id: Int64, reason: String, actor: String) async throws -> BookingSuspension {
        let now = clock.now()
        guard let why = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw AppointmentError.reasonRequired("解除暂停")
        }
        return try await run { tx in
            guard var s = try tx.suspension(id: id) else { throw AppointmentError.unknownSuspension(id) }
            guard s.isActive(at: now) else { throw AppointmentError.suspensionNotActive(id) }
            s.liftedAt = now
            s.liftedBy = actor
            s.liftReason = why
            try tx.update(s)
            return (s, [HallEvent(type: .appointmentSuspensionLifted, at: now, actor: actor, data: ["suspensionID": String(s.id)])])
        }
    }

    /// Every suspension (newest first); only those in force when `activeOnly`.
    public func suspensions(activeOnly: Bool) async throws -> [BookingSuspension] {
        let now = clock.now()
        return try await store.read { tx in try tx.allSuspensions().filter { !activeOnly || $0.isActive(at: now) } }
    }

    /// A suspension event when `person`'s streak just reached the limit (after a cancellation
    /// without reason or a missed booking, inside the same transaction).
    func suspendIfDue(_ person: PersonKey, _ tx: any AppointmentTransaction, _ now: Date) throws -> [HallEvent] {
        guard
            let due = CancellationStreak.suspension(
                history: try tx.appointments(person: person),
                suspensions: try tx.suspensions(person: person),
                threshold: settings.cancellationsBeforeSuspension,
                days: settings.suspensionDays, now: now)
        else { return [] }
        let stored = try tx.insert(due)
        return [
            HallEvent(
                type: .appointmentPersonSuspended, at: now, actor: "system",
                data: [
                    "suspensionID": String(stored.id), "cancellations": String(stored.appointmentIDs.count),
                    "until": LocalDay(stored.endsAt, in: timeZone).description,
                ])
        ]
    }
}
