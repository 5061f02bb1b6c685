/// China's working days for the years whose official schedules were loaded.
///
/// A day is a working day when it is a Monday–Friday outside every holiday span, or a Saturday/Sunday
/// listed as a make-up working day (调休上班). Asking about a day of a year without a loaded schedule is
/// refused (`CalendarError.notCovered`) unless the caller opts into `.provisional` mode, whose answers
/// are flagged — never a silent weekends-only guess.
///
/// **Deadline semantics** (`addingWorkingDays`): the day of acceptance does not count, whatever kind of
/// day it is; the n-th working day after it is the deadline, and the work is due by the end of that day.
/// Accepted on Tuesday 2025-09-02 with a 3-working-day limit → due Friday 2025-09-05.
public struct WorkingDayCalendar: Sendable, Equatable {
    private var schedules: [Int: HolidaySchedule]
    private var daysOff: Set<LocalDay>
    private var makeUpDays: Set<LocalDay>

    /// An empty calendar covers no year: every strict question is refused.
    public init() {
        schedules = [:]
        daysOff = []
        makeUpDays = []
    }

    /// A calendar of the given schedules; each is validated. Two schedules of one year are refused.
    public init(schedules: [HolidaySchedule]) throws {
        self.init()
        for schedule in schedules { try add(schedule, replacing: false) }
    }

    /// Loads a further year's schedule (after validating it). With `replacing`, an existing year is
    /// replaced; otherwise it is refused with `CalendarError.duplicateYear`.
    public mutating func add(_ schedule: HolidaySchedule, replacing: Bool = false) throws {
        try schedule.validate()
        if schedules[schedule.year] != nil && !replacing { throw CalendarError.duplicateYear(schedule.year) }
        schedules[schedule.year] = schedule
        daysOff = []
        makeUpDays = []
        for loaded in schedules.values {
            for holiday in loaded.holidays {
                var day = holiday.first
                while day <= holiday.last {
                    daysOff.insert(day)
                    day = day.adding(days: 1)
                }
            }
            makeUpDays.formUnion(loaded.makeUpWorkdays.map(\.date))
        }
    }

    /// The years with a loaded schedule, ascending.
    public var coveredYears: [Int] { schedules.keys.sorted() }

    /// Whether `year` has a loaded schedule.
    public func covers(year: Int) -> Bool { schedules[year] != nil }

    /// The loaded schedule of `year`, if any.
    public func schedule(for year: Int) -> HolidaySchedule? { schedules[year] }

    /// The holiday `day` falls in, if any (covered years only).
    public func holiday(on day: LocalDay) -> HolidaySchedule.Holiday? {
        schedules[day.year]?.holidays.first { $0.contains(day) }
    }

    // MARK: Strict questions

    /// Whether `day` is a working day. Throws `notCovered` for an uncovered year.
    public func isWorkingDay(_ day: LocalDay) throws -> Bool {
        try isWorkingDay(day, mode: .strict).value
    }

    /// Whether `day` is a day off (weekend not made up, or public holiday).
    public func isWeekendOrHoliday(_ day: LocalDay) throws -> Bool {
        try !isWorkingDay(day)
    }

    /// The first working day strictly after `day`.
    public func nextWorkingDay(after day: LocalDay) throws -> LocalDay {
        try nextWorkingDay(after: day, mode: .strict).value
    }

    /// The deadline `count` working days after `day` (see the type's deadline semantics);
    /// `count == 0` gives `day` itself.
    public func addingWorkingDays(_ count: Int, to day: LocalDay) throws -> LocalDay {
        try addingWorkingDays(count, to: day, mode: .strict).value
    }

    /// Working days in the half-open span (`from`, `to`]: the number of working days that pass when
    /// going from `from` to `to`. Negative when `to` is before `from`. Consistent with deadlines:
    /// `workingDays(from: d, to: addingWorkingDays(n, to: d)) == n`.
    public func workingDays(from: LocalDay, to: LocalDay) throws -> Int {
        try workingDays(from: from, to: to, mode: .strict).value
    }

    // MARK: Questions with a mode

    /// `isWorkingDay` answering in `mode`.
    public func isWorkingDay(_ day: LocalDay, mode: CalendarMode) throws -> CalendarAnswer<Bool> {
        var guessed = Set<Int>()
        let value = try classify(day, mode: mode, guessed: &guessed)
        return CalendarAnswer(value: value, provisionalYears: guessed.sorted())
    }

    /// `nextWorkingDay` answering in `mode`.
    public func nextWorkingDay(after day: LocalDay, mode: CalendarMode) throws -> CalendarAnswer<LocalDay> {
        try addingWorkingDays(1, to: day, mode: mode)
    }

    /// `addingWorkingDays` answering in `mode`.
    public func addingWorkingDays(_ count: Int, to day: LocalDay, mode: CalendarMode) throws -> CalendarAnswer<LocalDay> {
        guard count >= 0 else { throw CalendarError.negativeCount(count) }
        var guessed = Set<Int>()
        var current = day
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if try classify(current, mode: mode, guessed: &guessed) { remaining -= 1 }
        }
        return CalendarAnswer(value: current, provisionalYears: guessed.sorted())
    }

    /// `workingDays(from:to:)` answering in `mode`.
    public func workingDays(from: LocalDay, to: LocalDay, mode: CalendarMode) throws -> CalendarAnswer<Int> {
        let (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1)
        var guessed = Set<Int>()
        var count = 0
        var current = low
        while current < high {
            current = current.adding(days: 1)
            if try classify(current, mode: mode, guessed: &guessed) { count += 1 }
        }
        return CalendarAnswer(value: sign * count, provisionalYears: guessed.sorted())
    }

    private func classify(_ day: LocalDay, mode: CalendarMode, guessed: inout Set<Int>) throws -> Bool {
        guard schedules[day.year] != nil else {
            guard mode == .provisional else { throw CalendarError.notCovered(year: day.year) }
            guessed.insert(day.year)
            return !day.isWeekend && !StatutoryHolidays.contains(day)
        }
        if makeUpDays.contains(day) { return true }
        if daysOff.contains(day) { return false }
        return !day.isWeekend
    }
}
