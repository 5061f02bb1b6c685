import Foundation

/// The ticket state machine as pure functions: each takes a ticket and returns the changed copy,
/// or throws `QueueError.invalidTransition`. No storage, no clock of its own.
public enum TicketTransitions {
    /// waiting → called at `window`.
    public static func call(_ t: Ticket, window: Int, at now: Date) throws -> Ticket {
        try require(t, in: [.waiting], "呼叫")
        var t = t
        t.state = .called
        t.windowNumber = window
        t.calledAt = now
        t.recalls = 0
        return t
    }

    /// called → called again. Past `maxRecalls` the ticket becomes a no-show instead.
    public static func recall(_ t: Ticket, maxRecalls: Int, at now: Date) throws -> Ticket {
        try require(t, in: [.called], "重呼")
        var t = t
        if t.recalls >= maxRecalls {
            t.state = .noShow
            t.closedAt = now
        } else {
            t.recalls += 1
            t.calledAt = now
        }
        return t
    }

    /// called → no-show (过号).
    public static func skip(_ t: Ticket, at now: Date) throws -> Ticket {
        try require(t, in: [.called], "过号")
        var t = t
        t.state = .noShow
        t.closedAt = now
        return t
    }

    /// called → serving: the resident has arrived at the window.
    public static func start(_ t: Ticket, at now: Date) throws -> Ticket {
        try require(t, in: [.called], "开始办理")
        var t = t
        t.state = .serving
        t.servingAt = now
        return t
    }

    /// serving → done.
    public static func finish(_ t: Ticket, at now: Date) throws -> Ticket {
        try require(t, in: [.serving], "办结")
        var t = t
        t.state = .done
        t.closedAt = now
        return t
    }

    /// serving → held: the resident steps away; the window is free meanwhile.
    public static func hold(_ t: Ticket, at now: Date) throws -> Ticket {
        try require(t, in: [.serving], "暂挂")
        var t = t
        t.servedSecondsBeforeHold += now.timeIntervalSince(t.servingAt ?? now)
        t.state = .held
        t.servingAt = nil
        return t
    }

    /// held → serving at `window`.
    public static func resume(_ t: Ticket, window: Int, at now: Date) throws -> Ticket {
        try require(t, in: [.held], "恢复办理")
        var t = t
        t.state = .serving
        t.windowNumber = window
        t.servingAt = now
        return t
    }

    /// called/serving/held → waiting for another service and/or a given window, keeping the
    /// original issue time so the resident does not go to the back of the queue.
    public static func transfer(_ t: Ticket, toService service: String?, toWindow window: Int?) throws -> Ticket {
        try require(t, in: [.called, .serving, .held], "转移")
        guard service != nil || window != nil else { throw QueueError.transferTargetMissing }
        var t = t
        t.state = .waiting
        t.serviceID = service ?? t.serviceID
        t.windowNumber = window
        t.calledAt = nil
        t.servingAt = nil
        t.recalls = 0
        t.servedSecondsBeforeHold = 0
        t.transfers += 1
        return t
    }

    /// waiting/held/called → left: the resident chose not to wait.
    public static func leave(_ t: Ticket, at now: Date) throws -> Ticket {
        try require(t, in: [.waiting, .held, .called], "标记离开")
        var t = t
        t.state = .left
        t.closedAt = now
        return t
    }

    private static func require(_ t: Ticket, in states: Set<TicketState>, _ action: String) throws {
        guard states.contains(t.state) else {
            throw QueueError.invalidTransition(ticket: t.number, from: t.state, action: action)
        }
    }
}
