import Foundation

/// Daily and monthly reports: tickets per service, waiting and service times (average and 90th
/// percentile), no-shows, ratings, overdue cases and the staff ledger's appointment and
/// extended-hours minutes.
public final class ReportService: Sendable {
    private let store: any ReportStore
    private let clock: any HallClock
    private let timeZone: TimeZone
    /// The staff ledger's appointment and extended-hours minutes (nil: not available).
    private let extendedHours: (any ExtendedHoursMinutesSource)?

    public init(
        store: any ReportStore, clock: any HallClock, timeZone: TimeZone,
        extendedHours: (any ExtendedHoursMinutesSource)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.timeZone = timeZone
        self.extendedHours = extendedHours
    }

    /// Today in the hall's time zone (the default daily period).
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    /// The report of `period`.
    public func report(_ period: ReportPeriod) async throws -> HallReport {
        let days = period.days
        let now = clock.now()
        let services = try await store.services()
        let figures = Dictionary(uniqueKeysWithValues: try await store.serviceFigures(days: days).map { ($0.serviceID, $0) })
        // Every configured service gets a row, then any service that only exists in old tickets.
        var rows = services.map { s in
            var row = figures[s.id] ?? ServiceFigures(serviceID: s.id, serviceName: s.name)
            row.serviceName = s.name
            return row
        }
        rows += figures.values.filter { f in !services.contains { $0.id == f.serviceID } }.sorted { $0.serviceID < $1.serviceID }
        var totals = try await store.totalFigures(days: days)
        totals.serviceName = "合计"
        let perDay = Dictionary(uniqueKeysWithValues: try await store.dayFigures(days: days).map { ($0.day, $0) })
        var dayList: [DayFigures] = []
        var day = days.lowerBound
        while day <= days.upperBound {
            dayList.append(perDay[day] ?? DayFigures(day: day, issued: 0, served: 0, noShows: 0))
            day = day.adding(days: 1)
        }
        let cases = CaseDeadlineFigures.compute(
            try await store.casesDue(days: days), today: LocalDay(now, in: timeZone),
            timeZone: timeZone)
        var extended: ExtendedHoursFigures?
        if let extendedHours { extended = ExtendedHoursFigures(staff: try await extendedHours.extendedHoursMinutes(days: days)) }
        return HallReport(
            period: period, generatedAt: now, services: rows, totals: totals, days: dayList,
            ratings: RatingFigures(counts: try await store.ratingCounts(days: days)), cases: cases,
            extendedHours: extended)
    }
}
