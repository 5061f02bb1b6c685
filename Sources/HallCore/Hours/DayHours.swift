import Foundation

/// The opening hours of one calendar day, resolved from the season and the official calendar.
public struct DayHours: Codable, Sendable, Equatable {
    public var day: LocalDay
    /// A working day by the official calendar (weekday not on holiday, or make-up working day).
    public var isWorkingDay: Bool
    /// A Saturday or Sunday worked to make up for a holiday (调休上班).
    public var isMakeUpWorkday: Bool
    /// The public holiday the day falls in, if any (春节, 国庆节, …).
    public var holidayName: String?
    /// The season whose hours apply (夏季作息, 冬季作息, …).
    public var seasonName: String
    /// Sessions of the day, in order; empty when the hall is closed all day.
    public var sessions: [OpeningSession]
    /// When the first session begins (nil when closed all day).
    public var opensAt: Date?
    /// When the last session ends: closing time (下班时间), when extended hours may begin.
    public var closesAt: Date?

    public init(
        day: LocalDay, isWorkingDay: Bool, isMakeUpWorkday: Bool, holidayName: String?, seasonName: String,
        sessions: [OpeningSession], timeZone: TimeZone
    ) {
        self.day = day
        self.isWorkingDay = isWorkingDay
        self.isMakeUpWorkday = isMakeUpWorkday
        self.holidayName = holidayName
        self.seasonName = seasonName
        self.sessions = sessions
        opensAt = sessions.first.map { day.instant(minutesAfterMidnight: $0.start.minutes, in: timeZone) }
        closesAt = sessions.last.map { day.instant(minutesAfterMidnight: $0.end.minutes, in: timeZone) }
    }

    /// Whether the hall opens at all on this day.
    public var isOpenDay: Bool { !sessions.isEmpty }

    /// The opening time, e.g. `08:30`.
    public var opening: TimeOfDay? { sessions.first?.start }
    /// The closing time, e.g. `17:30`.
    public var closing: TimeOfDay? { sessions.last?.end }

    /// Whether `instant` falls inside one of the sessions.
    public func isInSession(_ instant: Date, timeZone: TimeZone) -> Bool {
        sessions.contains { session in
            let start = day.instant(minutesAfterMidnight: session.start.minutes, in: timeZone)
            let end = day.instant(minutesAfterMidnight: session.end.minutes, in: timeZone)
            return start <= instant && instant < end
        }
    }

    /// `星期三`.
    public var weekdayLabel: String { ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][day.isoWeekday - 1] }

    /// `10月8日（星期四）08:30`: how an opening is announced.
    public var openingLabel: String {
        "\(day.month)月\(day.day)日（\(weekdayLabel)）" + (opening.map { " \($0)" } ?? "")
    }

    /// Why the hall is closed all day, in Chinese.
    public var closedReason: String {
        if let holidayName { return "\(holidayName)假期" }
        if !isWorkingDay { return "休息日" }
        return "本日不对外办公"
    }
}
