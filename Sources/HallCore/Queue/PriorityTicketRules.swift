/// Who may ask for which priority on a plain ticket request (`POST /api/tickets`).
///
/// Appointment priority (预约优先) comes only with an appointment check-in — by booking code at the
/// kiosk or by a clerk after a lookup (`AppointmentService.checkIn`, which issues the ticket itself) —
/// so nobody can jump the queue without a booking. Green channel (绿色通道) is given by staff who have
/// seen the resident — a clerk or the center head (`Permission.issueGreenChannel`) — never by a
/// device such as the kiosk.
public enum PriorityTicketRules {
    /// Refuses `priority` asked for by `principal` (nil: not signed in).
    public static func check(_ priority: TicketPriority, requestedBy principal: Principal?) throws {
        switch priority {
        case .normal:
            return
        case .appointment:
            throw QueueError.appointmentPriorityNeedsCheckIn
        case .greenChannel:
            guard let principal, !principal.isDevice, principal.role(for: .issueGreenChannel) != nil else {
                throw QueueError.greenChannelStaffOnly
            }
        }
    }
}
