import Foundation

/// One extended period (延时服务) of a day: from closing time (or from when tickets were open
/// again after an earlier period ended) until the last open ticket was closed.
public struct ExtendedSession: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var day: LocalDay
    /// The day's closing time.
    public var closingAt: Date
    public var startedAt: Date
    /// When the last ticket was closed; nil while running.
    public var endedAt: Date?
    /// Tickets waiting when it began.
    public var waitingAtStart: [String]
    /// Tickets at a window (called, serving, held) when it began.
    public var servingAtStart: [String]
    /// Tickets closed in the period (done, no-show, left), in order.
    public var closedTickets: [String]
    /// Ledger minutes computed for it, over everyone (set when it ends).
    public var ledgerMinutes: Int?

    public init(
        id: Int64 = 0, day: LocalDay, closingAt: Date, startedAt: Date, waitingAtStart: [String],
        servingAtStart: [String]
    ) {
        self.id = id
        self.day = day
        self.closingAt = closingAt
        self.startedAt = startedAt
        self.waitingAtStart = waitingAtStart
        self.servingAtStart = servingAtStart
        self.closedTickets = []
    }

    public var isActive: Bool { endedAt == nil }

    /// Whole minutes from start to end (so far, for a running period: until `now`).
    public func minutes(now: Date) -> Int { LedgerEntry.minutes(from: startedAt, to: endedAt ?? now) }
}
