import Foundation

/// How far the hub is behind a hall: events not yet acknowledged, and the age of the oldest.
public struct SyncLag: Codable, Sendable, Equatable {
    /// Events in the hall's log after the hub's acknowledged sequence.
    public var events: Int64
    /// Seconds since the oldest unacknowledged event happened (0 when none).
    public var seconds: Double
    /// When the hub last acknowledged a batch (nil: never).
    public var lastAcknowledgedAt: Date?

    public init(events: Int64, seconds: Double, lastAcknowledgedAt: Date?) {
        self.events = events
        self.seconds = seconds
        self.lastAcknowledgedAt = lastAcknowledgedAt
    }

    /// The lag from the hall's log: its newest sequence, the acknowledged one and the oldest unacknowledged event's time.
    public static func of(
        newest: Int64, acknowledged: Int64, oldestPendingAt: Date?, lastAcknowledgedAt: Date?, now: Date
    ) -> SyncLag {
        SyncLag(
            events: max(0, newest - acknowledged), seconds: max(0, oldestPendingAt.map { now.timeIntervalSince($0) } ?? 0),
            lastAcknowledgedAt: lastAcknowledgedAt)
    }
}
