import Foundation

/// A batch of a hall's projected events, sent to the hub in log order.
public struct SyncBatch: Codable, Sendable, Equatable {
    /// The hall's identifier at the hub (`town-a`).
    public var hall: String
    /// The hall's send counter: every attempt carries a larger one than the last, so the hub refuses
    /// a request it has seen (a replay) while a resend after a lost acknowledgement gets through.
    public var send: Int64
    /// The sequence of the event the hall sent just before `events` (0 at the start of the log):
    /// the hub takes the batch only if it already holds everything up to there.
    public var after: Int64
    /// Increasing sequences, all greater than `after`.
    public var events: [SyncEvent]
    /// The hall's configured windows as the batch leaves (nil: not told); the hub keeps the latest.
    public var windows: [SyncWindow]?

    public init(hall: String, send: Int64, after: Int64, events: [SyncEvent], windows: [SyncWindow]? = nil) {
        self.hall = hall
        self.send = send
        self.after = after
        self.events = events
        self.windows = windows
    }

    /// The last sequence in the batch (`after` when empty).
    public var last: Int64 { events.last?.sequence ?? after }
}

/// The hub's answer once a batch is committed: everything up to `sequence` is stored there.
public struct SyncAcknowledgement: Codable, Sendable, Equatable {
    public var hall: String
    /// The highest sequence the hub holds for the hall.
    public var sequence: Int64
    /// The send number the hub saw last.
    public var send: Int64
    /// How many of the batch's events were new (the rest were already there).
    public var applied: Int

    public init(hall: String, sequence: Int64, send: Int64, applied: Int) {
        self.hall = hall
        self.sequence = sequence
        self.send = send
        self.applied = applied
    }
}
