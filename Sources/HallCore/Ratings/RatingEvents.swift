extension EventType {
    /// A resident rated a service. Data: level, channel, ticket number, window — nothing personal.
    public static let ratingSubmitted: EventType = "rating.submitted"
    /// A bad rating opened a follow-up for the head.
    public static let ratingFollowUpOpened: EventType = "rating.follow_up_opened"
    /// The head closed a follow-up with a note.
    public static let ratingFollowUpClosed: EventType = "rating.follow_up_closed"
    /// A follow-up passed its due day while still open (pushed once per follow-up).
    public static let ratingFollowUpOverdue: EventType = "rating.follow_up_overdue"
}
