/// What a new ticket of a service needs to know about that service's day: how many wait before
/// it and which number it takes. Stores keep it as one row per service and day.
public struct ServiceDay: Sendable, Equatable {
    /// Tickets of the service waiting on the day.
    public var waiting: Int
    /// Of those, the ones with priority (not `normal`).
    public var waitingPriority: Int
    /// The highest sequence number issued to the service that day (0 before its first ticket).
    /// Numbers are unique per day: a store keeps it past the day's tickets that carry the
    /// service's prefix, even when the prefix came from another service during the day.
    public var lastSequence: Int

    public init(waiting: Int = 0, waitingPriority: Int = 0, lastSequence: Int = 0) {
        self.waiting = waiting
        self.waitingPriority = waitingPriority
        self.lastSequence = lastSequence
    }
}
