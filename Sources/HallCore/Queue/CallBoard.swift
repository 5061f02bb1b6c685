import Foundation

/// One call the hall screen lists under 最近呼叫: ticket numbers, services and windows only.
public struct RecentCall: Codable, Sendable, Equatable {
    public var number: String
    public var serviceID: String
    public var window: Int
    /// Where the ticket is now: called, serving, or already gone (done, no-show …).
    public var state: TicketState
    /// How many times it was called again after the first call.
    public var recalls: Int
    /// The last call (or recall).
    public var calledAt: Date
}

/// A waiting ticket the hall screen lists under 即将呼叫.
public struct NextUp: Codable, Sendable, Equatable {
    public var number: String
    public var serviceID: String
}

/// What the hall screen shows beside the windows: the day's latest calls, newest first, and the
/// tickets each service calls next, so that a reloaded screen shows what it showed before.
public struct CallBoard: Codable, Sendable, Equatable {
    public var recent: [RecentCall]
    public var next: [NextUp]

    /// Builds the board from the day's tickets: the `recentLimit` latest calls (a ticket once, at
    /// its last call) and, per service in `serviceOrder`, the first `nextPerService` waiting tickets
    /// in the order windows call them.
    public static func make(
        tickets: [Ticket], serviceOrder: [String], recentLimit: Int, nextPerService: Int
    ) -> CallBoard {
        let recent =
            tickets
            .compactMap { t -> RecentCall? in
                guard let at = t.calledAt, let window = t.windowNumber, t.state != .waiting else { return nil }
                return RecentCall(number: t.number, serviceID: t.serviceID, window: window, state: t.state, recalls: t.recalls, calledAt: at)
            }
            .sorted { $0.calledAt != $1.calledAt ? $0.calledAt > $1.calledAt : $0.number > $1.number }
            .prefix(max(0, recentLimit))
        let waiting = tickets.filter { $0.state == .waiting }
        let next = serviceOrder.flatMap { service in
            waiting.filter { $0.serviceID == service }
                .sorted { CallPolicy.precedes($0, $1, rank: []) }
                .prefix(max(0, nextPerService))
                .map { NextUp(number: $0.number, serviceID: $0.serviceID) }
        }
        return CallBoard(recent: Array(recent), next: next)
    }
}
