import Foundation

/// Compensatory time off (调休) granted by the center head against a staff member's ledger balance.
public struct LeaveGrant: Codable, Sendable, Equatable, Identifiable {
    public enum State: String, Codable, Sendable {
        /// Granted for a day, not yet taken.
        case granted
        /// Taken.
        case taken
        /// Withdrawn before it was taken; its time returns to the balance.
        case cancelled

        public var label: String {
            switch self {
            case .granted: "已安排"
            case .taken: "已调休"
            case .cancelled: "已撤销"
            }
        }
    }

    public var id: Int64
    public var staff: String
    /// The working day off.
    public var day: LocalDay
    /// Length of the time off in minutes (hours × 60).
    public var minutes: Int
    public var state: State
    public var note: String
    public var grantedBy: String
    public var grantedAt: Date
    public var takenAt: Date?
    public var takenRecordedBy: String?
    public var cancelledAt: Date?
    public var cancelledBy: String?

    public init(id: Int64 = 0, staff: String, day: LocalDay, minutes: Int, note: String, grantedBy: String, grantedAt: Date) {
        self.id = id
        self.staff = staff
        self.day = day
        self.minutes = minutes
        self.state = .granted
        self.note = note
        self.grantedBy = grantedBy
        self.grantedAt = grantedAt
    }

    /// Hours, e.g. 4 or 7.5.
    public var hours: Double { Double(minutes) / 60 }

    /// Whether it takes time from the balance (granted or taken).
    public var counts: Bool { state != .cancelled }
}
