import Foundation

/// What of a hall's event crosses to the hub. An allow-list, not a deny-list: the event's type,
/// time, window, staff actor and ticket (number, service, priority, state, timings) cross, and
/// of its `data` only the keys in `crossingKeys`; a value that looks like an ID number or a
/// phone number is held back even under an allowed key. Residents' names are never in events,
/// and no key that could hold one (a free-text note, an address) is on the list.
public enum SyncProjection {
    /// The `data` keys that cross: identifiers, counts, states, days, services and items, staff
    /// accounts and minutes. docs/hub.md lists them with their meaning.
    public static let crossingKeys: Set<String> = [
        // queue
        "peopleAhead", "estimatedWaitMinutes", "fromService",
        // cases, visits, appointments
        "caseID", "caseNumber", "itemID", "itemName", "state", "owner", "visitID", "number", "appointmentID", "slotID",
        "day", "time", "serviceID", "suspensionID", "cancellations", "until",
        // ratings and follow-ups
        "ratingID", "level", "channel", "followUpID", "source", "dueDay",
        // staff ledger, extended service, posts
        "entryID", "grantID", "staff", "kind", "minutes", "balanceMinutes", "thresholdMinutes", "sessionID", "startedAt",
        "endedAt", "closingAt", "closing", "waiting", "atWindows", "tickets", "replacementID", "absent", "replacement",
        "clerk", "onDuty", "a", "b",
        // imports
        "items", "version", "year", "coveredYears", "seasons",
    ]

    /// The projection of `event` (stored, so its `id` is its sequence).
    public static func project(_ event: HallEvent) -> SyncEvent {
        var data: [String: String] = [:]
        for (key, value) in event.data ?? [:] where crossingKeys.contains(key) && !looksPersonal(value) {
            data[key] = value
        }
        return SyncEvent(
            sequence: event.id, type: event.type.rawValue, at: event.at, ticket: event.ticket.map(SyncTicket.init),
            window: event.window, actor: event.actor, data: data)
    }

    /// Whether `value` holds a run of digits as long as a mobile number (11) or an ID number
    /// (15/18, the last may be X): such a value stays in the hall whatever its key.
    public static func looksPersonal(_ value: String) -> Bool {
        var run = 0
        for character in value {
            if character.isASCII && (character.isNumber || ((character == "X" || character == "x") && run >= 14)) {
                run += 1
                if run >= 11 { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}
