/// Where a booking stands.
public enum AppointmentState: String, Codable, Sendable, CaseIterable {
    /// Booked, waiting for the day.
    case booked
    /// The resident arrived inside the booked time and got a priority ticket (attended).
    case checkedIn = "checked_in"
    /// Cancelled before the day (by the resident through a clerk).
    case cancelled
    /// The resident did not arrive inside the booked time: counts as a cancellation (视为取消预约).
    case missed

    public var label: String {
        switch self {
        case .booked: "已预约"
        case .checkedIn: "已签到"
        case .cancelled: "已取消"
        case .missed: "未到（视为取消）"
        }
    }

    /// Whether the booking holds a place in its slot.
    public var holdsPlace: Bool { self == .booked || self == .checkedIn }

    /// Whether the booking ended as a cancellation (cancelled, or not arriving).
    public var isCancellation: Bool { self == .cancelled || self == .missed }
}
