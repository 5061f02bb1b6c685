/// A staff member's cumulative service and compensatory time off.
public struct LedgerBalance: Codable, Sendable, Equatable {
    public var staff: String
    /// The staff member's display name (from the account), or the user name.
    public var displayName: String
    public var appointmentMinutes: Int
    public var extendedMinutes: Int
    /// Leave granted or taken, in minutes.
    public var leaveMinutes: Int
    /// Leave already taken, in minutes.
    public var leaveTakenMinutes: Int
    public var thresholdMinutes: Int

    public init(
        staff: String, displayName: String, appointmentMinutes: Int, extendedMinutes: Int, leaveMinutes: Int,
        leaveTakenMinutes: Int, thresholdMinutes: Int
    ) {
        self.staff = staff
        self.displayName = displayName
        self.appointmentMinutes = appointmentMinutes
        self.extendedMinutes = extendedMinutes
        self.leaveMinutes = leaveMinutes
        self.leaveTakenMinutes = leaveTakenMinutes
        self.thresholdMinutes = thresholdMinutes
    }

    /// Appointment plus extended service, all time.
    public var totalMinutes: Int { appointmentMinutes + extendedMinutes }
    /// Service not yet compensated by leave.
    public var balanceMinutes: Int { totalMinutes - leaveMinutes }
    /// Compensatory time off is owed: the balance reached the threshold.
    public var owesLeave: Bool { balanceMinutes >= thresholdMinutes }

    private enum DerivedKeys: String, CodingKey { case totalMinutes, balanceMinutes, owesLeave }

    /// Encodes the stored values and, for pages and scripts, the derived totals.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(staff, forKey: .staff)
        try c.encode(displayName, forKey: .displayName)
        try c.encode(appointmentMinutes, forKey: .appointmentMinutes)
        try c.encode(extendedMinutes, forKey: .extendedMinutes)
        try c.encode(leaveMinutes, forKey: .leaveMinutes)
        try c.encode(leaveTakenMinutes, forKey: .leaveTakenMinutes)
        try c.encode(thresholdMinutes, forKey: .thresholdMinutes)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(totalMinutes, forKey: .totalMinutes)
        try derived.encode(balanceMinutes, forKey: .balanceMinutes)
        try derived.encode(owesLeave, forKey: .owesLeave)
    }

    /// Computes the balance of `staff` from ledger entries and leave grants.
    public static func of(
        _ staff: String, displayName: String? = nil, entries: [LedgerEntry], leave: [LeaveGrant],
        thresholdMinutes: Int
    ) -> LedgerBalance {
        let mine = entries.filter { $0.staff == staff }
        let grants = leave.filter { $0.staff == staff && $0.counts }
        return LedgerBalance(
            staff: staff, displayName: displayName ?? staff,
            appointmentMinutes: mine.filter { $0.kind == .appointment }.reduce(0) { $0 + $1.minutes },
            extendedMinutes: mine.filter { $0.kind == .extended }.reduce(0) { $0 + $1.minutes },
            leaveMinutes: grants.reduce(0) { $0 + $1.minutes },
            leaveTakenMinutes: grants.filter { $0.state == .taken }.reduce(0) { $0 + $1.minutes },
            thresholdMinutes: thresholdMinutes)
    }
}
