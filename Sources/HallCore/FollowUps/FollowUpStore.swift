/// What follow-ups need from storage, inside one transaction.
public protocol FollowUpTransaction {
    /// Follow-ups in any of `states` (of `owner` only when given), by due day.
    func followUps(states: Set<FollowUp.State>, owner: String?) throws -> [FollowUp]
    func followUp(id: Int64) throws -> FollowUp?
    func insertFollowUp(_ followUp: FollowUp) throws -> FollowUp
    func updateFollowUp(_ followUp: FollowUp) throws
    func append(_ event: HallEvent) throws -> HallEvent
}

/// Runs follow-up work in durable transactions.
public protocol FollowUpStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any FollowUpTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any FollowUpTransaction) throws -> T) async throws -> T
}

/// Event names of follow-ups. Their `data` carries the id, owner, source and due day — never the
/// subject or the contact (the event stream is public).
extension EventType {
    public static let followUpOpened: EventType = "followup.opened"
    public static let followUpDone: EventType = "followup.done"
    public static let followUpCancelled: EventType = "followup.cancelled"
    public static let followUpOverdue: EventType = "followup.overdue"
}
