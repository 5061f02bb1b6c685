/// The staff ledger's figures for reports (登记台账, issue 6): minutes of extended-hours service
/// (延时服务) and of appointment duty (预约服务) per staff member over a range of days.
/// `LedgerService` implements it; without one, reports show the figure as not available.
public protocol ExtendedHoursMinutesSource: Sendable {
    /// Minutes per staff member whose ledger has service on one of `days`.
    func extendedHoursMinutes(days: ClosedRange<LocalDay>) async throws -> [StaffMinutes]
}

/// One staff member's minutes.
public struct StaffMinutes: Codable, Sendable, Equatable {
    public var staff: String
    public var displayName: String
    /// Extended-hours service (延时服务).
    public var minutes: Int
    /// Appointment duty (预约服务).
    public var appointmentMinutes: Int

    public init(staff: String, displayName: String, minutes: Int, appointmentMinutes: Int = 0) {
        self.staff = staff
        self.displayName = displayName
        self.minutes = minutes
        self.appointmentMinutes = appointmentMinutes
    }
}

/// The staff-ledger figures of a report.
public struct ExtendedHoursFigures: Codable, Sendable, Equatable {
    /// Extended-hours minutes of everyone.
    public var totalMinutes: Int
    /// Appointment-duty minutes of everyone.
    public var appointmentMinutes: Int
    public var staff: [StaffMinutes]

    public init(staff: [StaffMinutes]) {
        self.staff = staff
        self.totalMinutes = staff.reduce(0) { $0 + $1.minutes }
        self.appointmentMinutes = staff.reduce(0) { $0 + $1.appointmentMinutes }
    }
}
