import Foundation

/// Opening hours and extended service (延时服务).
///
/// Nobody applies for extended hours: `check()` (run every few seconds by halld) starts an extended
/// period when closing time passes with tickets waiting or being served, and ends it when the last
/// of them is done, left or no-show; the minutes each clerk worked go to the ledger in the same
/// transaction. Before closing, `status()` carries every waiting ticket's expected wait (the queue's
/// own estimate) for the hall screen, the console and the printed slip. A clerk who cannot stay
/// reports it; the center head assigns a replacement to the window.
public final class ExtendedHoursService: Sendable {
    private let store: any ExtendedHoursStore
    private let queue: QueueService
    private let accounts: any AccountStore
    private let clock: any HallClock
    private let timeZone: TimeZone
    private let settings: ExtendedHoursSettings
    private let calendar: @Sendable () async throws -> WorkingDayCalendar
    private let sink: any HallEventSink

    public init(store: any ExtendedHoursStore, queue: QueueService, accounts: any AccountStore, clock: any HallClock,
                timeZone: TimeZone, settings: ExtendedHoursSettings,
                calendar: @escaping @Sendable () async throws -> WorkingDayCalendar, sink: any HallEventSink) {
        self.store = store
        self.queue = queue
        self.accounts = accounts
        self.clock = clock
        self.timeZone = timeZone
        self.settings = settings
        self.calendar = calendar
        self.sink = sink
    }

    // MARK: Opening hours

    /// The hours in force (the override when set, else the configured ones) and the next `days` days.
    public func hours(days: Int = 7) async throws -> HoursView {
        let stored = try await store.read { try $0.openingHoursOverride() }
        let effective = stored?.hours ?? settings.openingHours
        let calendar = try await calendar()
        var list: [DayHours] = []
        var day = LocalDay(clock.now(), in: timeZone)
        for _ in 0..<max(1, min(days, 31)) {
            guard let hours = try? effective.hours(on: day, calendar: calendar, timeZone: timeZone) else { break }
            list.append(hours)
            day = day.adding(days: 1)
        }
        return HoursView(openingHours: effective, source: stored == nil ? "configuration" : "override",
                         updatedAt: stored?.updatedAt, updatedBy: stored?.updatedBy, days: list,
                         closingNoticeMinutes: settings.closingNoticeMinutes, calendarYears: calendar.coveredYears)
    }

    /// Replaces the opening hours (validated) until reset.
    public func setHours(_ hours: OpeningHours, by actor: String) async throws -> HoursView {
        try hours.validate()
        let now = clock.now()
        try await write { tx in
            try tx.saveOpeningHoursOverride(OpeningHoursOverride(hours: hours, updatedAt: now, updatedBy: actor))
            return ((), [HallEvent(type: .hoursChanged, at: now, actor: actor,
                                   data: ["source": "override", "seasons": hours.seasons.map(\.name).joined(separator: "、")])])
        }
        return try await self.hours()
    }

    /// Returns to the configured opening hours.
    public func resetHours(by actor: String) async throws -> HoursView {
        let now = clock.now()
        try await write { tx in
            try tx.saveOpeningHoursOverride(nil)
            return ((), [HallEvent(type: .hoursChanged, at: now, actor: actor, data: ["source": "configuration"])])
        }
        return try await hours()
    }

    // MARK: The day

    /// Where the hall stands now, with the closing notice while it is up.
    public func status() async throws -> ExtendedStatus {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let (dayHours, next) = try await resolve(today)
        let (session, open) = try await store.read { tx in
            (try tx.extendedSessions(from: today, through: today).last, try tx.tickets(day: today, states: TicketState.open))
        }
        var status = ExtendedStatus(now: now, day: today, phase: .unknown, phaseLabel: "", today: dayHours, nextOpening: next,
                                    closingNoticeMinutes: settings.closingNoticeMinutes, minutesToClosing: nil,
                                    noticeActive: false, message: nil, session: session, waiting: [], kioskRefusal: nil)
        if let dayHours {
            status.phase = phase(now, dayHours, running: session?.isActive == true, anyOpen: !open.isEmpty)
            if let closesAt = dayHours.closesAt {
                status.minutesToClosing = Int((closesAt.timeIntervalSince(now) / 60).rounded(.up))
            }
            if settings.refuseTicketsAfterClosing {
                status.kioskRefusal = TicketAdmission.refusal(at: now, today: dayHours, next: next, issuedByDevice: true)
            }
        }
        status.phaseLabel = status.phase.label
        status.noticeActive = status.phase == .closingSoon || status.phase == .extended
        if status.noticeActive, let dayHours, let closesAt = dayHours.closesAt {
            status.message = Self.noticeText(status.phase, closing: dayHours.closing!)
            status.waiting = try await estimates(open.filter { $0.state == .waiting }, now: now, closesAt: closesAt)
        }
        return status
    }

    /// Why the kiosk (a device) may not issue a ticket now; nil when it may. Staff are never refused.
    public func refusal(issuedByDevice: Bool) async throws -> String? {
        guard settings.refuseTicketsAfterClosing, issuedByDevice else { return nil }
        let now = clock.now()
        let (dayHours, next) = try await resolve(LocalDay(now, in: timeZone))
        guard let dayHours else { return nil }
        return TicketAdmission.refusal(at: now, today: dayHours, next: next, issuedByDevice: true)
    }

    /// The expected wait of waiting ticket `number` (today), with today's hours: for the printed slip.
    public func estimate(ticketNumber number: String) async throws -> (WaitEstimate, DayHours?) {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let status = try await queue.ticketStatus(number: number)
        guard status.ticket.state == .waiting else { throw ExtendedError.ticketNotWaiting(number) }
        let (dayHours, _) = try await resolve(today)
        let estimate = Self.estimate(status, now: now, closesAt: dayHours?.closesAt)
        return (estimate, dayHours)
    }

    /// Looks whether the closing notice, an extended period's start or its end is due, and does
    /// it (each once). Returns the status afterwards.
    @discardableResult
    public func check() async throws -> ExtendedStatus {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let (dayHours, _) = try await resolve(today)
        let lead = Double(settings.closingNoticeMinutes) * 60
        let threshold = settings.ledger.leaveThresholdMinutes
        let pending = try await store.read { tx in
            try ExtendedCheck.due(tx, today: today, now: now, hours: dayHours, leadSeconds: lead)
        }
        if !pending.isEmpty { try await act(today: today, now: now, hours: dayHours, lead: lead, threshold: threshold) }
        return try await status()
    }

    /// Does what `ExtendedCheck` finds due, deciding again inside the write.
    private func act(today: LocalDay, now: Date, hours: DayHours?, lead: Double, threshold: Int) async throws {
        try await write { tx in
            var events: [HallEvent] = []
            for action in try ExtendedCheck.due(tx, today: today, now: now, hours: hours, leadSeconds: lead) {
                switch action {
                case .endEarlierDay(let session), .end(let session):
                    events += try Self.end(session, tx: tx, now: now, threshold: threshold)
                case .closingSoon:
                    guard let hours, let closesAt = hours.closesAt, let closing = hours.closing else { continue }
                    try tx.setMarker(day: today, kind: "closing_soon", at: now)
                    let waiting = try tx.tickets(day: today, states: [.waiting]).count
                    events.append(HallEvent(type: .closingSoon, at: now, actor: "system",
                                            data: ["closingAt": Self.iso(closesAt), "closing": closing.description,
                                                   "waiting": String(waiting)]))
                case .start(let open):
                    guard let closesAt = hours?.closesAt else { continue }
                    let earliest = open.map(\.issuedAt).min() ?? closesAt
                    let waiting = open.filter { $0.state == .waiting }.map(\.number)
                    let atWindow = open.filter { $0.state != .waiting }.map(\.number)
                    let session = try tx.insertExtendedSession(ExtendedSession(day: today, closingAt: closesAt,
                                                                               startedAt: max(closesAt, earliest),
                                                                               waitingAtStart: waiting, servingAtStart: atWindow))
                    events.append(HallEvent(type: .extendedStarted, at: now, actor: "system",
                                            data: ["sessionID": String(session.id), "closingAt": Self.iso(closesAt),
                                                   "startedAt": Self.iso(session.startedAt), "waiting": String(waiting.count),
                                                   "atWindows": String(atWindow.count)]))
                }
            }
            return ((), events)
        }
    }

    /// Extended periods of the days `from…through`.
    public func sessions(from: LocalDay, through: LocalDay) async throws -> [ExtendedSession] {
        try await store.read { try $0.extendedSessions(from: from, through: through) }
    }

    // MARK: Replacements

    /// A clerk reports that they cannot stay at `window` for extended hours today.
    public func reportAbsence(window: Int, reason: String, clerk: String) async throws -> ExtendedReplacement {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ExtendedError.reasonRequired }
        try await requireWindow(window)
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await write { tx in
            if try tx.replacements(day: today).contains(where: { $0.window == window && $0.absentClerk == clerk }) {
                throw ExtendedError.alreadyReported(window: window, clerk: clerk)
            }
            let stored = try tx.insertReplacement(ExtendedReplacement(day: today, window: window, absentClerk: clerk,
                                                                      reason: why, reportedAt: now))
            return (stored, [HallEvent(type: .extendedAbsenceReported, at: now, window: window, actor: clerk,
                                       data: ["replacementID": String(stored.id), "clerk": clerk])])
        }
    }

    /// The center head assigns `replacement` to `window` for today's extended hours, replacing the
    /// clerk who reported (or `absentClerk`, when nobody reported).
    public func assignReplacement(window: Int, replacement: String, absentClerk: String?, reason: String?,
                                  by actor: String) async throws -> ExtendedReplacement {
        try await requireWindow(window)
        guard let account = try await accounts.account(replacement), account.isActive else {
            throw ExtendedError.unknownStaff(replacement)
        }
        guard account.roles.contains(.clerk) || account.roles.contains(.head) else { throw ExtendedError.notAClerk(replacement) }
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let named = absentClerk?.trimmingCharacters(in: .whitespaces)
        return try await write { tx in
            let reports = try tx.replacements(day: today).filter { $0.window == window }
            var record: ExtendedReplacement
            if let open = reports.last(where: { $0.state == .reported && (named == nil || named == "" || $0.absentClerk == named) }) {
                record = open
            } else {
                guard let named, !named.isEmpty else { throw ExtendedError.absentClerkRequired(window: window) }
                record = try tx.insertReplacement(ExtendedReplacement(day: today, window: window, absentClerk: named,
                                                                      reason: reason?.isEmpty == false ? reason! : "中心负责人安排",
                                                                      reportedAt: now))
            }
            guard record.absentClerk != replacement else { throw ExtendedError.sameClerk(replacement) }
            record.state = .assigned
            record.replacement = replacement
            record.assignedAt = now
            record.assignedBy = actor
            try tx.updateReplacement(record)
            return (record, [HallEvent(type: .extendedReplacementAssigned, at: now, window: window, actor: actor,
                                       data: ["replacementID": String(record.id), "absent": record.absentClerk,
                                              "replacement": replacement])])
        }
    }

    /// Absence reports and replacements of `day` (today when nil).
    public func replacements(day: LocalDay? = nil) async throws -> [ExtendedReplacement] {
        let day = day ?? LocalDay(clock.now(), in: timeZone)
        return try await store.read { try $0.replacements(day: day) }
    }

    // MARK: Helpers

    /// Today's hours and the next opening; nil hours when the calendar does not cover the year.
    private func resolve(_ day: LocalDay) async throws -> (DayHours?, DayHours?) {
        let stored = try await store.read { try $0.openingHoursOverride() }
        let hours = stored?.hours ?? settings.openingHours
        let calendar = try await calendar()
        do {
            let today = try hours.hours(on: day, calendar: calendar, timeZone: timeZone)
            let next = try? hours.nextOpening(after: day, calendar: calendar, timeZone: timeZone)
            return (today, next ?? nil)
        } catch is CalendarError {
            return (nil, nil)
        }
    }

    private func phase(_ now: Date, _ hours: DayHours, running: Bool, anyOpen: Bool) -> HallPhase {
        guard hours.isOpenDay, let opensAt = hours.opensAt, let closesAt = hours.closesAt else { return .dayOff }
        if now >= closesAt { return running || anyOpen ? .extended : .closed }
        if now < opensAt { return .beforeOpening }
        if now >= closesAt.addingTimeInterval(-Double(settings.closingNoticeMinutes) * 60) { return .closingSoon }
        return hours.isInSession(now, timeZone: timeZone) ? .open : .midday
    }

    private func estimates(_ waiting: [Ticket], now: Date, closesAt: Date) async throws -> [WaitEstimate] {
        var list: [WaitEstimate] = []
        for ticket in waiting {
            let status = try await queue.ticketStatus(id: ticket.id)
            guard status.ticket.state == .waiting else { continue }
            list.append(Self.estimate(status, now: now, closesAt: closesAt))
        }
        return list.sorted { ($0.estimatedWaitMinutes, $0.number) < ($1.estimatedWaitMinutes, $1.number) }
    }

    static func estimate(_ status: TicketStatus, now: Date, closesAt: Date?) -> WaitEstimate {
        let call = now.addingTimeInterval(Double(status.estimatedWaitMinutes) * 60)
        return WaitEstimate(ticketID: status.ticket.id, number: status.ticket.number, serviceID: status.ticket.serviceID, serviceName: status.serviceName,
                            peopleAhead: status.peopleAhead, estimatedWaitMinutes: status.estimatedWaitMinutes,
                            expectedCallAt: call, afterClosing: closesAt.map { call >= $0 } ?? false)
    }

    static func noticeText(_ phase: HallPhase, closing: TimeOfDay) -> String {
        if phase == .extended {
            return "已到下班时间（\(closing)），延时服务进行中：工作人员将继续为已取号的群众办理，不收取任何费用。"
                + "如您不便继续等候，可告知工作人员，留下联系方式，办结后告知您结果。"
        }
        return "本中心今天 \(closing) 下班。下班时仍在等候或正在办理的群众，工作人员将继续为您办理（延时服务，不收取任何费用）。"
            + "请留意您的预计等候时间，自愿选择是否继续等候。"
    }

    /// Ends `session` at its last ticket's closing, computes the clerks' minutes into the ledger.
    private static func end(_ session: ExtendedSession, tx: any ExtendedHoursTransaction, now: Date,
                            threshold: Int) throws -> [HallEvent] {
        var ended = session
        let closed = try tx.tickets(day: session.day, states: [.done, .noShow, .left])
            .filter { ($0.closedAt ?? .distantPast) >= session.startedAt }
            .sorted { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }
        ended.endedAt = max(closed.last?.closedAt ?? session.startedAt, session.startedAt)
        ended.closedTickets = closed.map(\.number)
        let events = try tx.events(from: session.startedAt, through: ended.endedAt!)
        let entries = ExtendedDuty.entries(session: ended, events: events, replacements: try tx.replacements(day: session.day),
                                           recordedAt: now)
        ended.ledgerMinutes = entries.reduce(0) { $0 + $1.minutes }
        try tx.updateExtendedSession(ended)
        let (_, ledgerEvents) = try LedgerService.insert(entries, tx: tx, thresholdMinutes: threshold, at: now)
        let summary = HallEvent(type: .extendedEnded, at: now, actor: "system",
                                data: ["sessionID": String(ended.id), "startedAt": iso(ended.startedAt),
                                       "endedAt": iso(ended.endedAt!), "minutes": String(ended.minutes(now: now)),
                                       "tickets": String(closed.count),
                                       "staff": entries.map(\.staff).joined(separator: ",")])
        return [summary] + ledgerEvents
    }

    private func requireWindow(_ number: Int) async throws {
        guard try await queue.windows().contains(where: { $0.number == number }) else { throw ExtendedError.unknownWindow(number) }
    }

    private static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    private func write<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}
