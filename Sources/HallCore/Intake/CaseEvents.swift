/// Event names of case intake. Their `data` carries the case id and number, the item, and the state —
/// never the applicant's personal data.
extension EventType {
    public static let caseOpened: EventType = "case.opened"
    public static let caseAccepted: EventType = "case.accepted"
    public static let caseCorrectionNeeded: EventType = "case.correction_needed"
    public static let caseRouted: EventType = "case.routed"
    public static let caseReviewed: EventType = "case.reviewed"
    public static let caseCompleted: EventType = "case.completed"
    public static let caseNotified: EventType = "case.notified"
    public static let caseDelivered: EventType = "case.delivered"
    public static let caseClosed: EventType = "case.closed"
    public static let caseWithdrawn: EventType = "case.withdrawn"
    public static let caseReassigned: EventType = "case.reassigned"
    public static let caseOverdue: EventType = "case.overdue"
    public static let caseDueSoon: EventType = "case.due_soon"
    public static let catalogImported: EventType = "catalog.imported"
    public static let calendarImported: EventType = "calendar.imported"
}
