/// The staff ledger's rule for compensatory time off (调休).
public struct LedgerSettings: Codable, Sendable, Equatable {
    /// Once a staff member's balance of appointment and extended service reaches this many
    /// minutes (cumulative service minus leave already granted), compensatory time off is owed.
    public var leaveThresholdMinutes: Int

    public init(leaveThresholdMinutes: Int = 480) {
        self.leaveThresholdMinutes = leaveThresholdMinutes
    }
}
