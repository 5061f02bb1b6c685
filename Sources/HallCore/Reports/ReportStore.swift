/// The aggregates reports need, computed by the store (SQL on SQLite). Percentiles use the
/// nearest-rank definition of `Percentile`.
public protocol ReportStore: Sendable {
    /// The services, in configured order.
    func services() async throws -> [Service]
    /// Figures per service over the tickets of `days` (services without tickets are absent).
    func serviceFigures(days: ClosedRange<LocalDay>) async throws -> [ServiceFigures]
    /// The same figures over all tickets of `days` (serviceID empty).
    func totalFigures(days: ClosedRange<LocalDay>) async throws -> ServiceFigures
    /// Counts per day that has tickets.
    func dayFigures(days: ClosedRange<LocalDay>) async throws -> [DayFigures]
    /// Ratings per level of the tickets of `days`.
    func ratingCounts(days: ClosedRange<LocalDay>) async throws -> [RatingLevel: Int]
    /// Cases whose promised day is in `days`.
    func casesDue(days: ClosedRange<LocalDay>) async throws -> [CaseDueRecord]
}
