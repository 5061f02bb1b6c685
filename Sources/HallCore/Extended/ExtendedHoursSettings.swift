/// What a hall tunes about opening hours, extended service (延时服务), the staff ledger and follow-ups.
public struct ExtendedHoursSettings: Codable, Sendable, Equatable {
    /// The configured opening hours. The head or the administrator may override them (stored in
    /// the database); this value applies again when the override is removed.
    public var openingHours: OpeningHours
    /// Minutes before closing from which every waiting ticket's expected wait is shown (下班前告知).
    public var closingNoticeMinutes: Int
    /// After closing time, and on days the hall is closed, the kiosk refuses new tickets (staff may
    /// still issue one for a resident already in the hall, who is then served in extended hours).
    public var refuseTicketsAfterClosing: Bool
    /// How often halld looks whether extended hours begin or end (seconds).
    public var checkIntervalSeconds: Int
    public var ledger: LedgerSettings
    public var followUps: FollowUpSettings

    public init(
        openingHours: OpeningHours = .standard, closingNoticeMinutes: Int = 30, refuseTicketsAfterClosing: Bool = true,
        checkIntervalSeconds: Int = 20, ledger: LedgerSettings = LedgerSettings(),
        followUps: FollowUpSettings = FollowUpSettings()
    ) {
        self.openingHours = openingHours
        self.closingNoticeMinutes = closingNoticeMinutes
        self.refuseTicketsAfterClosing = refuseTicketsAfterClosing
        self.checkIntervalSeconds = checkIntervalSeconds
        self.ledger = ledger
        self.followUps = followUps
    }

    /// The first problem of these settings, as (key below `extendedHours`, reason), or nil.
    public func problem() -> (key: String, reason: String)? {
        do { try openingHours.validate() } catch let error as HoursError { return ("openingHours", error.message) } catch {
            return ("openingHours", "\(error)")
        }
        if !(0...240).contains(closingNoticeMinutes) { return ("closingNoticeMinutes", "must be 0…240") }
        if !(1...3600).contains(checkIntervalSeconds) { return ("checkIntervalSeconds", "must be 1…3600") }
        if ledger.leaveThresholdMinutes < 30 { return ("ledger.leaveThresholdMinutes", "must be at least 30") }
        if !(1...60).contains(followUps.dueWorkingDays) { return ("followUps.dueWorkingDays", "must be 1…60") }
        return nil
    }
}
