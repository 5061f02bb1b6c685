import Foundation

/// What a window's rating pad shows: the window, who is on duty, and the ticket just finished
/// there (if it still waits for a rating). Ticket number, service and staff name only — no
/// resident data.
public struct RatingPadView: Codable, Sendable, Equatable {
    /// The ticket offered for rating.
    public struct Offer: Codable, Sendable, Equatable {
        public var ticketID: Int64
        public var ticketNumber: String
        public var serviceName: String
        public var finishedAt: Date
        /// Display name of the staff member who served (员工姓名, shown on 好差评 pads).
        public var staffName: String?
    }

    public var window: Int
    public var windowName: String
    public var offer: Offer?
    /// The choices, best first, with their Chinese labels.
    public var levels: [LevelChoice]

    public struct LevelChoice: Codable, Sendable, Equatable {
        public var level: RatingLevel
        public var label: String
    }

    public static let choices = RatingLevel.allCases.map { LevelChoice(level: $0, label: $0.label) }
}
