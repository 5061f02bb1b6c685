/// Why a ticket may be called before older ones.
public enum TicketPriority: String, Codable, Sendable, CaseIterable {
    /// First come, first served.
    case normal
    /// Checked in for a booked appointment (预约).
    case appointment
    /// Green channel for elderly, disabled or pregnant residents (绿色通道).
    case greenChannel = "green_channel"

    /// Whether this ticket is called ahead of normal tickets.
    public var isPriority: Bool { self != .normal }
}
