/// Event names of home visits. Their `data` carries the visit's id and number, the item and the
/// state — never the applicant's personal data or address.
extension EventType {
    public static let visitRequested: EventType = "visit.requested"
    public static let visitApproved: EventType = "visit.approved"
    public static let visitRefused: EventType = "visit.refused"
    public static let visitWithdrawn: EventType = "visit.withdrawn"
    /// The review's one working day passed without a decision.
    public static let visitReviewOverdue: EventType = "visit.review_overdue"
    public static let visitCaseOpened: EventType = "visit.case_opened"
    public static let visitCompleted: EventType = "visit.completed"
    /// Handled but not finished: deadline set, followed up.
    public static let visitFollowUpStarted: EventType = "visit.follow_up_started"
    public static let visitFollowUpNoted: EventType = "visit.follow_up_noted"
    public static let visitFollowUpOverdue: EventType = "visit.follow_up_overdue"
    public static let visitClosed: EventType = "visit.closed"
    public static let visitReceiptIssued: EventType = "visit.receipt_issued"
    public static let visitSatisfactionCall: EventType = "visit.satisfaction_call"
    public static let visitSpotCheck: EventType = "visit.spot_check"
}
