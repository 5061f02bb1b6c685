/// How the calendar answers for a year it has no official schedule for.
public enum CalendarMode: String, Codable, Sendable, Equatable {
    /// Refuse with `CalendarError.notCovered` (the default, always safe).
    case strict
    /// Explicit opt-in: count Saturdays, Sundays and the statutory holidays (`StatutoryHolidays`) as
    /// the days off of uncovered years and flag the answer `isProvisional`. The official schedule's
    /// bridge days and make-up working days are unknown until it is imported.
    case provisional
}

/// An answer of the calendar together with whether it relied on an uncovered year.
public struct CalendarAnswer<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    /// True when at least one day of an uncovered year was counted as "weekends only".
    public let isProvisional: Bool
    /// The uncovered years the answer relied on, ascending (empty when not provisional).
    public let provisionalYears: [Int]

    public init(value: Value, provisionalYears: [Int]) {
        self.value = value
        self.provisionalYears = provisionalYears
        self.isProvisional = !provisionalYears.isEmpty
    }
}
