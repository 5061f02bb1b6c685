import Foundation

/// What the periodic check of extended hours has to do now, decided from the stored state: the
/// same decision is made in a read first (most checks find nothing to do and write nothing) and
/// again inside the write that acts on it.
enum ExtendedCheck: Sendable {
    /// A period of an earlier day is still open: end it.
    case endEarlierDay(ExtendedSession)
    /// The closing notice is due and was not given today.
    case closingSoon
    /// Closing time passed with these tickets open and no period running: start one.
    case start(open: [Ticket])
    /// The running period has no open ticket left: end it.
    case end(ExtendedSession)

    static func due(
        _ tx: any ExtendedHoursTransaction, today: LocalDay, now: Date, hours: DayHours?,
        leadSeconds: Double
    ) throws -> [ExtendedCheck] {
        var actions: [ExtendedCheck] = []
        var active = try tx.activeExtendedSession()
        if let stale = active, stale.day < today {
            actions.append(.endEarlierDay(stale))
            active = nil
        }
        guard let hours, hours.isOpenDay, let closesAt = hours.closesAt else { return actions }
        if now >= closesAt.addingTimeInterval(-leadSeconds), now < closesAt, try tx.marker(day: today, kind: "closing_soon") == nil {
            actions.append(.closingSoon)
        }
        guard now >= closesAt else { return actions }
        let open = try tx.tickets(day: today, states: TicketState.open)
        if let active, open.isEmpty { actions.append(.end(active)) }
        if active == nil, !open.isEmpty { actions.append(.start(open: open)) }
        return actions
    }
}
