import Foundation

/// The rule "three consecutive cancellations without reason suspend the person" as a pure function.
///
/// The streak is the number of the person's most recent resolved bookings, newest first, that are
/// cancellations without an accepted reason (a cancellation by a clerk without reason, or not arriving
/// inside the booked time). It stops at:
/// - an attended booking (checked in): attending resets the streak;
/// - a cancellation with an accepted reason (excused): it breaks the streak;
/// - anything resolved at or before the start of the person's latest suspension: a suspension uses
///   up the streak that caused it, so after it ends (or is lifted) three new ones are needed.
/// Bookings still waiting for their day do not count either way. Order is by when each booking was
/// resolved (check-in, cancellation, or the end of the booked time for a missed one).
public enum CancellationStreak {
    /// The unexcused cancellations making up the current streak, newest first.
    public static func current(history: [Appointment], after consumedThrough: Date?) -> [Appointment] {
        let resolved = history.compactMap { a in a.resolvedAt.map { (a, $0) } }
            .sorted { ($0.1, $0.0.id) > ($1.1, $1.0.id) }
        var streak: [Appointment] = []
        for (appointment, at) in resolved {
            if let consumedThrough, at <= consumedThrough { break }
            guard appointment.isUnexcusedCancellation else { break }
            streak.append(appointment)
        }
        return streak
    }

    /// A suspension to start at `now` when the streak has reached `threshold` and none is active,
    /// else nil. `suspensions` are the person's earlier ones.
    public static func suspension(
        history: [Appointment], suspensions: [BookingSuspension], threshold: Int,
        days: Int, now: Date
    ) -> BookingSuspension? {
        guard threshold > 0, !suspensions.contains(where: { $0.isActive(at: now) }) else { return nil }
        let latest = suspensions.map(\.startsAt).max()
        let streak = current(history: history, after: latest)
        guard streak.count >= threshold, let newest = streak.first else { return nil }
        return BookingSuspension(
            personKey: newest.personKey, contact: newest.contact,
            appointmentIDs: streak.reversed().map(\.id), startsAt: now,
            endsAt: now.addingTimeInterval(Double(days) * 86_400))
    }
}
