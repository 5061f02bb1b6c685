/// Event names of the staff ledger. Their `data` names the staff member and minutes — no
/// resident's personal data.
extension EventType {
    public static let ledgerRecorded: EventType = "ledger.recorded"
    public static let ledgerAdjusted: EventType = "ledger.adjusted"
    /// A staff member's balance reached the threshold: compensatory time off is owed.
    public static let leaveOwed: EventType = "ledger.leave_owed"
    public static let leaveGranted: EventType = "ledger.leave_granted"
    public static let leaveTaken: EventType = "ledger.leave_taken"
    public static let leaveCancelled: EventType = "ledger.leave_cancelled"
}
