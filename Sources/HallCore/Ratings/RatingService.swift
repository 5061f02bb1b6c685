import Foundation

/// Ratings (好差评) and their follow-ups: the window pad and the ticket holder rate a finished
/// service once; a bad rating opens a follow-up the head closes with a note within the configured
/// working days; overdue follow-ups are flagged. Each use case runs in one durable transaction;
/// its events are published after commit.
public final class RatingService: Sendable {
    private let store: any RatingStore
    private let clock: any HallClock
    private let settings: RatingSettings
    private let timeZone: TimeZone
    private let sink: any HallEventSink

    public init(
        store: any RatingStore, clock: any HallClock, settings: RatingSettings, timeZone: TimeZone,
        sink: any HallEventSink
    ) {
        self.store = store
        self.clock = clock
        self.settings = settings
        self.timeZone = timeZone
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    // MARK: Rating

    /// What the rating pad of `window` shows now.
    public func padView(window: Int) async throws -> RatingPadView {
        let now = clock.now()
        let settings = settings
        return try await store.read { tx in
            guard let name = try tx.windowName(window) else { throw QueueError.unknownWindow(window) }
            var offer: RatingPadView.Offer?
            if let ticket = try tx.lastFinishedTicket(window: window),
                RatingRules.padOffers(ticket, rated: try tx.rating(ticketID: ticket.id) != nil, now: now, settings: settings)
            {
                let staff = try tx.finishedBy(ticketID: ticket.id)
                offer = .init(
                    ticketID: ticket.id, ticketNumber: ticket.number,
                    serviceName: try tx.serviceName(ticket.serviceID) ?? ticket.serviceID,
                    finishedAt: ticket.closedAt ?? now, staffName: try staff.flatMap { try tx.staffName($0) })
            }
            return RatingPadView(window: window, windowName: name, offer: offer, levels: RatingPadView.choices)
        }
    }

    /// A rating given on the pad of `window` (device `device`) for a ticket served there.
    public func rateAtPad(window: Int, ticketID: Int64, level: RatingLevel, device: String) async throws -> RatingReceipt {
        try await rate(ticketID: ticketID, level: level, channel: .pad, device: device) { ticket in
            try RatingRules.checkPad(ticket, window: window)
        }
    }

    /// A rating given by the ticket holder on the QR page. The caller has checked the ticket's key.
    public func rateAsTicketHolder(ticketID: Int64, level: RatingLevel) async throws -> RatingReceipt {
        try await rate(ticketID: ticketID, level: level, channel: .qr, device: nil) { _ in }
    }

    /// Whether the ticket can be rated (for its QR page); `holdsKey` tells whether the caller
    /// presented the ticket's key.
    public func status(ticketID: Int64, holdsKey: Bool) async throws -> TicketRatingStatus {
        let now = clock.now()
        let settings = settings
        return try await store.read { tx in
            guard let ticket = try tx.ticket(id: ticketID) else { throw RatingError.unknownTicket("#\(ticketID)") }
            return RatingRules.status(
                of: ticket, existing: try tx.rating(ticketID: ticketID), holdsKey: holdsKey,
                now: now, settings: settings)
        }
    }

    private func rate(
        ticketID: Int64, level: RatingLevel, channel: RatingChannel, device: String?,
        check: @escaping @Sendable (Ticket) throws -> Void
    ) async throws -> RatingReceipt {
        let now = clock.now()
        let day = LocalDay(now, in: timeZone)
        let settings = settings
        return try await run { tx in
            guard let ticket = try tx.ticket(id: ticketID) else { throw RatingError.unknownTicket("#\(ticketID)") }
            try check(ticket)
            try RatingRules.checkRateable(ticket, existing: try tx.rating(ticketID: ticketID), now: now, settings: settings)
            let rating = try tx.insert(
                Rating(
                    ticket: ticket, staff: try tx.finishedBy(ticketID: ticketID), level: level,
                    channel: channel, device: device, at: now))
            var events = [
                HallEvent(
                    type: .ratingSubmitted, at: now, ticket: ticket, window: rating.window, actor: device ?? "resident",
                    data: ["ratingID": String(rating.id), "level": level.rawValue, "channel": channel.rawValue])
            ]
            var followUp: RatingFollowUp?
            if level.isNegative {
                let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
                let due = try RatingRules.followUpDue(openedOn: day, workingDays: settings.followUpWorkingDays, calendar: calendar)
                let opened = try tx.insert(RatingFollowUp(rating: rating, openedAt: now, openedDay: day, due: due))
                followUp = opened
                events.append(Self.event(.ratingFollowUpOpened, opened, now, "system"))
            }
            let message = level.isNegative ? "感谢您的评价！很抱歉没能让您满意，中心负责人将尽快跟进处理。" : "感谢您的评价！"
            return (RatingReceipt(rating: rating, followUp: followUp, message: message), events)
        }
    }

    // MARK: Follow-ups (the center head)

    /// Ratings of the tickets of `days`, oldest first.
    public func ratings(days: ClosedRange<LocalDay>) async throws -> [Rating] {
        try await store.read { try $0.ratings(days: days) }
    }

    /// Follow-ups with their standing today, overdue first, then newest.
    public func followUps(openOnly: Bool = false) async throws -> [RatingFollowUpStatus] {
        let day = today()
        return try await store.read { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            return Self.sorted(try tx.followUps(openOnly: openOnly).map { try RatingRules.status(of: $0, today: day, calendar: calendar) })
        }
    }

    /// Closes a follow-up with the head's note.
    public func close(followUpID id: Int64, note: String, actor: String) async throws -> RatingFollowUp {
        let text = try RatingRules.closingNote(note)
        let now = clock.now()
        return try await run { tx in
            guard var followUp = try tx.followUp(id: id) else { throw RatingError.unknownFollowUp(id) }
            guard followUp.state == .open else { throw RatingError.followUpClosed(id) }
            followUp.state = .closed
            followUp.closedAt = now
            followUp.closedBy = actor
            followUp.note = text
            try tx.update(followUp)
            return (followUp, [Self.event(.ratingFollowUpClosed, followUp, now, actor)])
        }
    }

    /// Pushes `rating.follow_up_overdue` once for each open follow-up past its due day, and
    /// returns the overdue ones. Meant to run periodically.
    @discardableResult
    public func checkOverdue() async throws -> [RatingFollowUpStatus] {
        let now = clock.now()
        let day = LocalDay(now, in: timeZone)
        return try await run { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            let overdue = try tx.followUps(openOnly: true).map { try RatingRules.status(of: $0, today: day, calendar: calendar) }
                .filter(\.isOverdue)
            var events: [HallEvent] = []
            for status in overdue where !status.followUp.overdueAlerted {
                var flagged = status.followUp
                flagged.overdueAlerted = true
                try tx.update(flagged)
                events.append(
                    Self.event(
                        .ratingFollowUpOverdue, flagged, now, "system",
                        ["workingDaysLeft": String(status.workingDaysLeft ?? 0)]))
            }
            return (Self.sorted(overdue), events)
        }
    }

    // MARK: Helpers

    private static func sorted(_ list: [RatingFollowUpStatus]) -> [RatingFollowUpStatus] {
        list.sorted { a, b in
            let ra = a.isOverdue ? 0 : a.followUp.state == .open ? 1 : 2
            let rb = b.isOverdue ? 0 : b.followUp.state == .open ? 1 : 2
            return ra != rb ? ra < rb : a.followUp.id > b.followUp.id
        }
    }

    /// A follow-up event: identifiers, level and due day only — nothing personal.
    private static func event(
        _ type: EventType, _ f: RatingFollowUp, _ at: Date, _ actor: String,
        _ extra: [String: String] = [:]
    ) -> HallEvent {
        var data = [
            "followUpID": String(f.id), "ratingID": String(f.ratingID), "ticketNumber": f.ticketNumber,
            "level": f.level.rawValue, "dueDay": f.dueDay.description, "state": f.state.rawValue,
        ]
        if let staff = f.staff { data["staff"] = staff }
        if f.isProvisional { data["provisional"] = "true" }
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, window: f.window, actor: actor, data: data)
    }

    /// Runs `work` in a write transaction; the events it returns are appended inside it and
    /// published after commit.
    private func run<T: Sendable>(_ work: @escaping @Sendable (any RatingTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}
