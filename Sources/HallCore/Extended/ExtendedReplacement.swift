import Foundation

/// A clerk who cannot stay for extended hours (当班人员因故不能延时) and the one the center head
/// assigned to the window instead: who replaced whom, at which window, when, and on whose word.
public struct ExtendedReplacement: Codable, Sendable, Equatable, Identifiable {
    public enum State: String, Codable, Sendable {
        /// Reported by the clerk; the head has not assigned anyone yet.
        case reported
        /// A replacement is assigned.
        case assigned
    }

    public var id: Int64
    public var day: LocalDay
    public var window: Int
    /// The clerk who cannot stay (user name).
    public var absentClerk: String
    public var reason: String
    public var reportedAt: Date
    public var state: State
    /// The clerk who stays instead (user name); their minutes count to them.
    public var replacement: String?
    public var assignedAt: Date?
    public var assignedBy: String?

    public init(id: Int64 = 0, day: LocalDay, window: Int, absentClerk: String, reason: String, reportedAt: Date) {
        self.id = id
        self.day = day
        self.window = window
        self.absentClerk = absentClerk
        self.reason = reason
        self.reportedAt = reportedAt
        self.state = .reported
    }
}
