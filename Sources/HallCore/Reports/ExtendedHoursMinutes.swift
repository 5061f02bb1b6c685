/// **Extension point for the staff ledger (登记台账, issue 6)**: minutes of extended-hours service
/// per staff member over a range of days. The ledger provides an implementation; the lead passes
/// it to `ReportService(…, extendedHours:)`. Until then reports show the figure as not available.
public protocol ExtendedHoursMinutesSource: Sendable {
    /// Minutes of extended-hours service per staff member over `days`.
    func extendedHoursMinutes(days: ClosedRange<LocalDay>) async throws -> [StaffMinutes]
}

/// One staff member's minutes.
public struct StaffMinutes: Codable, Sendable, Equatable {
    public var staff: String
    public var displayName: String
    public var minutes: Int

    public init(staff: String, displayName: String, minutes: Int) {
        self.staff = staff
        self.displayName = displayName
        self.minutes = minutes
    }
}

/// The extended-hours figure of a report.
public struct ExtendedHoursFigures: Codable, Sendable, Equatable {
    public var totalMinutes: Int
    public var staff: [StaffMinutes]

    public init(staff: [StaffMinutes]) {
        self.staff = staff
        self.totalMinutes = staff.reduce(0) { $0 + $1.minutes }
    }
}
