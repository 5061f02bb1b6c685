/// One month of the ledger, as shown on the admin page and exported (CSV, PDF).
public struct LedgerMonthView: Codable, Sendable, Equatable {
    /// One staff member's month and cumulative standing at the month's end.
    public struct StaffMonth: Codable, Sendable, Equatable {
        public var staff: String
        public var displayName: String
        public var appointmentMinutes: Int
        public var extendedMinutes: Int
        public var entryCount: Int
        /// Cumulative service and leave up to the end of the month.
        public var cumulative: LedgerBalance

        /// This month's service.
        public var monthMinutes: Int { appointmentMinutes + extendedMinutes }
    }

    public var month: LedgerMonth
    public var entries: [LedgerEntry]
    public var staff: [StaffMonth]
    /// Leave whose day falls in the month.
    public var leave: [LeaveGrant]
    public var thresholdMinutes: Int

    /// Minutes of the month over everyone.
    public var totalMinutes: Int { entries.reduce(0) { $0 + $1.minutes } }
}
