import Foundation

/// The hall's opening hours: seasons that together cover every day of the year. Which days are
/// working days is not decided here but by the official calendar (`WorkingDayCalendar`), so
/// public holidays close the hall and make-up working weekends (调休上班) open it.
public struct OpeningHours: Codable, Sendable, Equatable {
    public var seasons: [OpeningSeason]

    public init(seasons: [OpeningSeason]) {
        self.seasons = seasons
    }

    /// The default of a town hall in Inner Mongolia: summer 08:30–12:00 and 14:30–18:00
    /// (05-01…09-30), winter 08:30–12:00 and 14:00–17:30 (10-01…04-30).
    public static let standard = OpeningHours(seasons: [
        OpeningSeason(
            name: "夏季作息", from: MonthDay(month: 5, day: 1)!, to: MonthDay(month: 9, day: 30)!,
            sessions: [OpeningSession("08:30", "12:00"), OpeningSession("14:30", "18:00")]),
        OpeningSeason(
            name: "冬季作息", from: MonthDay(month: 10, day: 1)!, to: MonthDay(month: 4, day: 30)!,
            sessions: [OpeningSession("08:30", "12:00"), OpeningSession("14:00", "17:30")]),
    ])

    /// The season that covers `day`.
    public func season(for day: LocalDay) throws -> OpeningSeason {
        guard let season = seasons.first(where: { $0.contains(MonthDay(day)) }) else {
            throw HoursError.dayNotCovered(MonthDay(day))
        }
        return season
    }

    /// The opening hours of `day`: closed on days off, the season's sessions on working days.
    /// - Throws: `CalendarError.notCovered` when the official schedule of the day's year is missing.
    public func hours(on day: LocalDay, calendar: WorkingDayCalendar, timeZone: TimeZone) throws -> DayHours {
        let working = try calendar.isWorkingDay(day)
        let season = try self.season(for: day)
        let sessions = working ? season.sessions(onWeekday: day.isoWeekday) : []
        return DayHours(
            day: day, isWorkingDay: working, isMakeUpWorkday: working && day.isWeekend,
            holidayName: calendar.holiday(on: day)?.name, seasonName: season.name, sessions: sessions,
            timeZone: timeZone)
    }

    /// The next day after `day` on which the hall opens (within 60 days), or nil.
    public func nextOpening(after day: LocalDay, calendar: WorkingDayCalendar, timeZone: TimeZone) throws -> DayHours? {
        var current = day
        for _ in 0..<60 {
            current = current.adding(days: 1)
            let hours = try self.hours(on: current, calendar: calendar, timeZone: timeZone)
            if hours.isOpenDay { return hours }
        }
        return nil
    }

    /// Checks that every season is named, has sessions in order without overlap, names weekdays
    /// 1…7 only, and that every day of the year (29 February included) is in exactly one season.
    public func validate() throws {
        guard !seasons.isEmpty else { throw HoursError.noSeasons }
        for season in seasons {
            guard !season.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw HoursError.unnamedSeason }
            try Self.validate(season.sessions, in: season.name)
            for (key, sessions) in season.weekdays {
                guard let weekday = Int(key), (1...7).contains(weekday) else {
                    throw HoursError.badWeekday(season: season.name, key: key)
                }
                try Self.validate(sessions, in: season.name, allowEmpty: true)
            }
        }
        // 2024 is a leap year: every month-day once.
        var day = LocalDay(year: 2024, month: 1, day: 1)
        while day.year == 2024 {
            let covering = seasons.filter { $0.contains(MonthDay(day)) }
            if covering.isEmpty { throw HoursError.dayNotCovered(MonthDay(day)) }
            if covering.count > 1 { throw HoursError.overlappingSeasons(covering[0].name, covering[1].name) }
            day = day.adding(days: 1)
        }
    }

    private static func validate(_ sessions: [OpeningSession], in season: String, allowEmpty: Bool = false) throws {
        guard allowEmpty || !sessions.isEmpty else { throw HoursError.noSessions(season: season) }
        for session in sessions where session.start >= session.end {
            throw HoursError.reversedSession(season: season, session: session.description)
        }
        for (a, b) in zip(sessions, sessions.dropFirst()) where b.start < a.end {
            throw HoursError.overlappingSessions(season: season, first: a.description, second: b.description)
        }
    }
}
