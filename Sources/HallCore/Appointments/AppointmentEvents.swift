/// Event names of appointments. Their `data` carries identifiers, the slot's day and time, the item
/// and the state — never a resident's personal data and never a booking code.
extension EventType {
    public static let appointmentSlotOpened: EventType = "appointment.slot_opened"
    public static let appointmentStaffAssigned: EventType = "appointment.staff_assigned"
    public static let appointmentBooked: EventType = "appointment.booked"
    public static let appointmentCheckedIn: EventType = "appointment.checked_in"
    public static let appointmentCancelled: EventType = "appointment.cancelled"
    /// Not arriving inside the booked time: cancelled automatically.
    public static let appointmentMissed: EventType = "appointment.missed"
    /// A clerk recorded an accepted reason for a cancellation.
    public static let appointmentExcused: EventType = "appointment.excused"
    public static let appointmentPersonSuspended: EventType = "appointment.person_suspended"
    public static let appointmentSuspensionLifted: EventType = "appointment.suspension_lifted"
    /// The duty of a slot's staff went to the staff ledger (登记台账) after the slot ended.
    public static let appointmentDutyRecorded: EventType = "appointment.duty_recorded"
}
