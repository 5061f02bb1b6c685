/// Event names of opening hours and extended service (延时服务). Their `data` carries times,
/// counts, window numbers and staff user names — never a resident's personal data.
extension EventType {
    /// The closing notice begins: every waiting ticket's expected wait is shown.
    public static let closingSoon: EventType = "hall.closing_soon"
    /// Closing time passed with tickets waiting or being served: extended hours began.
    public static let extendedStarted: EventType = "hall.extended_started"
    /// The last ticket of the extended period is done, left or no-show.
    public static let extendedEnded: EventType = "hall.extended_ended"
    /// A clerk reported being unable to stay for extended hours.
    public static let extendedAbsenceReported: EventType = "hall.extended_absence_reported"
    /// The center head assigned a replacement to a window for extended hours.
    public static let extendedReplacementAssigned: EventType = "hall.extended_replacement_assigned"
    /// The opening hours were changed (or reset to the configured ones).
    public static let hoursChanged: EventType = "hours.changed"
}
