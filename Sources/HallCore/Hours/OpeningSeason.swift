/// Opening hours of part of the year (e.g. 夏季 05-01…09-30): the sessions of every working day,
/// with optional different sessions for particular weekdays.
public struct OpeningSeason: Codable, Sendable, Equatable {
    /// Chinese name shown on pages, e.g. 夏季作息.
    public var name: String
    /// First day of the season (inclusive).
    public var from: MonthDay
    /// Last day of the season (inclusive). Before `from` for a season across the new year (10-01…04-30).
    public var to: MonthDay
    /// Sessions of a working day, in order.
    public var sessions: [OpeningSession]
    /// Sessions for particular ISO weekdays ("1" = Monday … "7" = Sunday) replacing `sessions` on
    /// those days; an empty list closes the hall on that weekday even when it is a working day.
    /// A make-up working Saturday (调休上班) uses "6" when given, else `sessions`.
    public var weekdays: [String: [OpeningSession]]

    public init(
        name: String, from: MonthDay, to: MonthDay, sessions: [OpeningSession],
        weekdays: [String: [OpeningSession]] = [:]
    ) {
        self.name = name
        self.from = from
        self.to = to
        self.sessions = sessions
        self.weekdays = weekdays
    }

    /// Whether the season covers `day` (any year).
    public func contains(_ day: MonthDay) -> Bool {
        from <= to ? (from <= day && day <= to) : (day >= from || day <= to)
    }

    /// The sessions of a working day that falls on ISO weekday `weekday`.
    public func sessions(onWeekday weekday: Int) -> [OpeningSession] {
        weekdays[String(weekday)] ?? sessions
    }

    private enum CodingKeys: String, CodingKey { case name, from, to, sessions, weekdays }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        from = try c.decode(MonthDay.self, forKey: .from)
        to = try c.decode(MonthDay.self, forKey: .to)
        sessions = try c.decode([OpeningSession].self, forKey: .sessions)
        weekdays = try c.decodeIfPresent([String: [OpeningSession]].self, forKey: .weekdays) ?? [:]
    }
}
