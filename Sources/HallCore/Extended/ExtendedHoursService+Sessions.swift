import Foundation

extension ExtendedHoursService {
    // MARK: Extended periods

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
                    events.append(
                        HallEvent(
                            type: .closingSoon, at: now, actor: "system",
                            data: [
                                "closingAt": Self.iso(closesAt), "closing": closing.description,
                                "waiting": String(waiting),
                            ]))
                case .start(let open):
                    guard let closesAt = hours?.closesAt else { continue }
                    let earliest = open.map(\.issuedAt).min() ?? closesAt
                    let waiting = open.filter { $0.state == .waiting }.map(\.number)
                    let atWindow = open.filter { $0.state != .waiting }.map(\.number)
                    let session = try tx.insertExtendedSession(
                        ExtendedSession(
                            day: today, closingAt: closesAt,
                            startedAt: max(closesAt, earliest),
                            waitingAtStart: waiting, servingAtStart: atWindow))
                    events.append(
                        HallEvent(
                            type: .extendedStarted, at: now, actor: "system",
                            data: [
                                "sessionID": String(session.id), "closingAt": Self.iso(closesAt),
                                "startedAt": Self.iso(session.startedAt), "waiting": String(waiting.count),
                                "atWindows": String(atWindow.count),
                            ]))
                }
            }
            return ((), events)
        }
    }

    /// Extended periods of the days `from…through`.
    public func sessions(from: LocalDay, through: LocalDay) async throws -> [ExtendedSession] {
        try await store.read { try $0.extendedSessions(from: from, through: through) }
    }

    /// Ends `session` at its last ticket's closing, computes the clerks' minutes into the ledger.
    private static func end(
        _ session: ExtendedSession, tx: any ExtendedHoursTransaction, now: Date,
        threshold: Int
    ) throws -> [HallEvent] {
        var ended = session
        let closed = try tx.tickets(day: session.day, states: [.done, .noShow, .left])
            .filter { ($0.closedAt ?? .distantPast) >= session.startedAt }
            .sorted { ($0.closedAt ?? .distantPast, $0.id) < ($1.closedAt ?? .distantPast, $1.id) }
        let endedAt = max(closed.last?.closedAt ?? session.startedAt, session.startedAt)
        ended.endedAt = endedAt
        ended.closedTickets = closed.map(\.number)
        let events = try tx.events(from: session.startedAt, through: endedAt)
        let entries = ExtendedDuty.entries(
            session: ended, events: events, replacements: try tx.replacements(day: session.day),
            recordedAt: now)
        ended.ledgerMinutes = entries.reduce(0) { $0 + $1.minutes }
        try tx.updateExtendedSession(ended)
        let (_, ledgerEvents) = try LedgerService.insert(entries, tx: tx, thresholdMinutes: threshold, at: now)
        let summary = HallEvent(
            type: .extendedEnded, at: now, actor: "system",
            data: [
                "sessionID": String(ended.id), "startedAt": iso(ended.startedAt),
                "endedAt": iso(endedAt), "minutes": String(ended.minutes(now: now)),
                "tickets": String(closed.count),
                "staff": entries.map(\.staff).joined(separator: ","),
            ])
        return [summary] + ledgerEvents
    }
}
