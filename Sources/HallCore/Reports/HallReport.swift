import Foundation

/// Count, average and 90th percentile of a set of durations, in seconds.
public struct DurationFigures: Codable, Sendable, Equatable {
    public var count: Int
    public var averageSeconds: Double?
    public var p90Seconds: Double?

    public init(count: Int = 0, averageSeconds: Double? = nil, p90Seconds: Double? = nil) {
        self.count = count
        self.averageSeconds = averageSeconds
        self.p90Seconds = p90Seconds
    }
}

/// One service's (or the whole hall's) queue figures over a period.
///
/// `issued` counts tickets by the service chosen at the kiosk; served, no-shows, left, waiting and
/// service times count by the service that finally handled the ticket (after transfers).
public struct ServiceFigures: Codable, Sendable, Equatable {
    /// The service's id; empty for the hall's totals.
    public var serviceID: String
    public var serviceName: String
    public var issued: Int
    /// Finished (办结).
    public var served: Int
    /// 过号.
    public var noShows: Int
    /// Residents who chose not to wait.
    public var left: Int
    /// Issue → first call.
    public var waiting: DurationFigures
    /// Start → finish at the window (holds excluded).
    public var service: DurationFigures

    public init(
        serviceID: String, serviceName: String, issued: Int = 0, served: Int = 0, noShows: Int = 0, left: Int = 0,
        waiting: DurationFigures = .init(), service: DurationFigures = .init()
    ) {
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.issued = issued
        self.served = served
        self.noShows = noShows
        self.left = left
        self.waiting = waiting
        self.service = service
    }
}

/// One day's counts, for the monthly line chart.
public struct DayFigures: Codable, Sendable, Equatable {
    public var day: LocalDay
    public var issued: Int
    public var served: Int
    public var noShows: Int

    public init(day: LocalDay, issued: Int, served: Int, noShows: Int) {
        self.day = day
        self.issued = issued
        self.served = served
        self.noShows = noShows
    }
}

/// The ratings of a period: the distribution and the satisfaction rate.
public struct RatingFigures: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var level: RatingLevel
        public var label: String
        public var count: Int
    }

    /// Every level, best first (zero counts included).
    public var distribution: [Count]
    public var total: Int
    /// Share of ratings that are not bad (非常满意 + 满意 + 基本满意) among all; nil without ratings.
    public var satisfactionRate: Double?
    /// 不满意 + 非常不满意.
    public var negative: Int

    public init(counts: [RatingLevel: Int]) {
        distribution = RatingLevel.allCases.map { Count(level: $0, label: $0.label, count: counts[$0] ?? 0) }
        total = distribution.reduce(0) { $0 + $1.count }
        negative = distribution.filter(\.level.isNegative).reduce(0) { $0 + $1.count }
        satisfactionRate = total == 0 ? nil : Double(total - negative) / Double(total)
    }
}

/// The queue, rating and case figures of a day or a month.
public struct HallReport: Codable, Sendable, Equatable {
    public var period: ReportPeriod
    public var generatedAt: Date
    /// Per service, in the configured order.
    public var services: [ServiceFigures]
    /// The whole hall (its percentiles are over all tickets, not an average of the services').
    public var totals: ServiceFigures
    /// Per day of the period (one entry for a daily report).
    public var days: [DayFigures]
    public var ratings: RatingFigures
    /// Single-window cases due in the period and how many were late.
    public var cases: CaseDeadlineFigures
    /// Appointment and extended-hours minutes per staff member from the staff ledger; nil when no
    /// ledger is plugged in (see `ExtendedHoursMinutesSource`).
    public var extendedHours: ExtendedHoursFigures?
}
