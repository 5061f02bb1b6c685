import Foundation

/// The service time of the staff on duty for an appointment slot (预约服务), as the staff ledger
/// (登记台账) records it once the slot is over.
///
/// Staff must be at their post for the booked time (准时到岗), so the duty spans the slot: from its
/// start — or the first call of one of its residents, if earlier (check-in opens before the slot) —
/// to its end, or to the moment its last resident was finished, if later (nobody is sent away at
/// the slot's end, and on a day off no extended period covers that time). It is assessed once the
/// slot has ended and every ticket of its check-ins is closed, or the day is over, whichever comes
/// first. A slot nobody was expected at — no booking, or every booking cancelled before its day —
/// records nothing: its staff had no reason to come in (the head records by hand anyone who did).
public struct AppointmentDuty: Sendable, Equatable {
    public var slot: AppointmentSlot
    public var start: Date
    public var end: Date
    /// Ticket numbers of the residents who checked in, in order of check-in.
    public var served: [String]
    /// Bookings the staff had to expect (checked in, missed, or cancelled only on the day itself).
    public var expected: Int
    /// Bookings checked in.
    public var attended: Int
    /// What the ledger line says, e.g. `预约服务 09:00–11:30：应到3人，签到2人，未到1人`.
    public var note: String

    /// What to do with a slot now.
    public enum Assessment: Sendable, Equatable {
        /// Not yet: the slot is not over, or one of its residents is still waiting or being served.
        case pending
        /// Nothing goes to the ledger (no staff on duty, or nobody expected); the slot is done.
        case nothingToRecord
        /// Record this duty for each of the slot's staff.
        case record(AppointmentDuty)
    }

    /// Assesses `slot` at `now` from its bookings and the tickets of its check-ins (by ticket id).
    public static func assess(
        slot: AppointmentSlot, appointments: [Appointment], tickets: [Int64: Ticket], now: Date,
        timeZone: TimeZone
    ) -> Assessment {
        let slotStart = slot.time.start(on: slot.day, in: timeZone)
        let slotEnd = slot.time.end(on: slot.day, in: timeZone)
        let dayStart = slot.day.start(in: timeZone)
        let dayEnd = slot.day.adding(days: 1).start(in: timeZone)
        guard now >= slotEnd else { return .pending }
        // A booking still "booked" after the end is cancelled as missed by the same sweep first.
        guard !appointments.contains(where: { $0.state == .booked }) else { return .pending }
        let expected = appointments.filter { a in
            switch a.state {
            case .checkedIn, .missed, .booked: true
            case .cancelled: (a.cancelledAt ?? .distantPast) >= dayStart
            }
        }
        guard !slot.staff.isEmpty, !expected.isEmpty else { return .nothingToRecord }
        let attended = expected.filter { $0.state == .checkedIn }
            .sorted { ($0.checkedInAt ?? .distantPast, $0.id) < ($1.checkedInAt ?? .distantPast, $1.id) }
        let served = attended.compactMap { a in a.ticketID.flatMap { tickets[$0] } }
        if now < dayEnd, served.contains(where: { TicketState.open.contains($0.state) }) { return .pending }
        let firstCall = served.compactMap(\.calledAt).filter { $0 >= dayStart }.min()
        let lastClose = served.compactMap(\.closedAt).filter { $0 < dayEnd }.max()
        let start = min(slotStart, firstCall ?? slotStart)
        let end = max(slotEnd, lastClose ?? slotEnd)
        var note = "预约服务 \(slot.time)"
        if let holiday = slot.holidayName { note += "（\(holiday)）" }
        note += "：应到\(expected.count)人，签到\(attended.count)人，未到\(expected.count - attended.count)人"
        if start < slotStart { note += "；\(LedgerFormat.clock(start, in: timeZone)) 开始叫号" }
        if end > slotEnd { note += "；最后一位群众 \(LedgerFormat.clock(end, in: timeZone)) 办结" }
        return .record(
            AppointmentDuty(
                slot: slot, start: start, end: end,
                served: attended.compactMap { $0.ticketNumber }, expected: expected.count,
                attended: attended.count, note: note))
    }
}
