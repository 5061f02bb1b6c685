import Foundation

/// Who worked how long in an extended period, from the queue's event log.
///
/// A clerk's extended duty at a window runs from the start of the period — or, for a replacement
/// assigned to that window, from the assignment if later — to the clerk's last action at that
/// window (call, recall, start, finish, no-show, hold, resume, transfer) within the period. The
/// event's `actor` is the signed-in clerk, so a replacement's minutes count to the replacement.
/// Overlapping duty at two windows counts once. What was served: the tickets the clerk acted on and
/// the cases (case numbers) the clerk worked on in the period.
public enum ExtendedDuty {
    /// Events that mean a clerk acted at a window.
    public static let windowActions: Set<EventType> = [
        .ticketCalled, .ticketRecalled, .ticketServing, .ticketFinished,
        .ticketNoShow, .ticketHeld, .ticketResumed, .ticketTransferred,
    ]

    /// One ledger entry per clerk for the ended `session` (whose `endedAt` must be set).
    public static func entries(
        session: ExtendedSession, events: [HallEvent], replacements: [ExtendedReplacement],
        recordedAt: Date
    ) -> [LedgerEntry] {
        guard let end = session.endedAt else { return [] }
        let inPeriod = events.filter { $0.at >= session.startedAt && $0.at <= end }
        struct Key: Hashable { let clerk: String; let window: Int }
        var lastAction: [Key: Date] = [:]
        var tickets: [String: [String]] = [:]
        for event in inPeriod where windowActions.contains(event.type) {
            guard let clerk = staffActor(event), let window = event.window else { continue }
            let key = Key(clerk: clerk, window: window)
            lastAction[key] = max(lastAction[key] ?? event.at, event.at)
            if let number = event.ticket?.number, !(tickets[clerk] ?? []).contains(number) { tickets[clerk, default: []].append(number) }
        }
        var cases: [String: [String]] = [:]
        for event in inPeriod {
            guard let clerk = staffActor(event), let number = event.data?["caseNumber"], !number.isEmpty else { continue }
            let label = "办件\(number)"
            if !(cases[clerk] ?? []).contains(label) { cases[clerk, default: []].append(label) }
        }
        var spans: [String: [(Date, Date, Int)]] = [:]
        for (key, last) in lastAction {
            var start = session.startedAt
            if let assigned = replacements.last(where: { $0.window == key.window && $0.replacement == key.clerk && $0.state == .assigned }),
                let at = assigned.assignedAt, at > start
            {
                start = at
            }
            if last > start { spans[key.clerk, default: []].append((start, last, key.window)) }
        }
        return spans.keys.sorted().compactMap { clerk -> LedgerEntry? in
            let list = spans[clerk]!.sorted { $0.0 < $1.0 }
            var merged: [(Date, Date)] = []
            for (s, e, _) in list {
                if let last = merged.last, s <= last.1 { merged[merged.count - 1].1 = max(last.1, e) } else { merged.append((s, e)) }
            }
            let seconds = merged.reduce(0.0) { $0 + $1.1.timeIntervalSince($1.0) }
            let minutes = Int((seconds / 60).rounded())
            guard minutes > 0 else { return nil }
            let windows = Set(list.map(\.2)).sorted().map { "\($0)号窗口" }.joined(separator: "、")
            var note = "下班后延时服务（\(windows)）"
            if let r = replacements.first(where: { $0.replacement == clerk && $0.state == .assigned }) {
                note += "，替岗 \(r.absentClerk)"
            }
            return LedgerEntry(
                staff: clerk, kind: .extended, day: session.day, start: merged.first!.0, end: merged.last!.1,
                minutes: minutes, served: (tickets[clerk] ?? []) + (cases[clerk] ?? []), note: note,
                source: .queue, sessionID: session.id, recordedBy: "system", recordedAt: recordedAt)
        }
    }

    private static func staffActor(_ event: HallEvent) -> String? {
        guard let actor = event.actor?.trimmingCharacters(in: .whitespaces), !actor.isEmpty,
            actor != "system", actor != "seed"
        else { return nil }
        return actor
    }
}
