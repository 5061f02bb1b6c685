import Foundation

/// One year's official public-holiday arrangement (国务院办公厅关于某年部分节假日安排的通知), as data.
///
/// Days off include the weekend days inside each holiday span. Make-up working days (调休上班) are
/// weekend days that are working days. Every other Saturday and Sunday is off; every other weekday works.
/// The JSON form is what `data/calendar/cn-YYYY.json` holds and what `hallctl calendar import` passes in.
public struct HolidaySchedule: Codable, Sendable, Equatable {
    /// A span of consecutive days off.
    public struct Holiday: Codable, Sendable, Equatable {
        /// Chinese name, e.g. 春节.
        public var name: String
        /// First day off.
        public var first: LocalDay
        /// Last day off (inclusive).
        public var last: LocalDay

        public init(name: String, first: LocalDay, last: LocalDay) {
            self.name = name
            self.first = first
            self.last = last
        }

        /// Whether `day` is inside the span.
        public func contains(_ day: LocalDay) -> Bool { first <= day && day <= last }
    }

    /// A weekend day that is a working day, and the holiday it makes up for.
    public struct MakeUpWorkday: Codable, Sendable, Equatable {
        public var date: LocalDay
        /// The name of the holiday (as in `holidays`) this day makes up for.
        public var holiday: String

        public init(date: LocalDay, holiday: String) {
            self.date = date
            self.holiday = holiday
        }
    }

    /// The calendar year the notice covers.
    public var year: Int
    /// Where the data comes from (the notice's title), for the administrator.
    public var source: String?
    public var holidays: [Holiday]
    public var makeUpWorkdays: [MakeUpWorkday]

    public init(year: Int, source: String? = nil, holidays: [Holiday], makeUpWorkdays: [MakeUpWorkday]) {
        self.year = year
        self.source = source
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// Decodes a schedule from JSON and validates it (see `validate()`).
    /// - Throws: `CalendarError.malformedSchedule` for JSON that does not decode, or the first rule
    ///   the schedule breaks.
    public static func decode(from data: Data) throws -> HolidaySchedule {
        let schedule: HolidaySchedule
        do {
            schedule = try JSONDecoder().decode(HolidaySchedule.self, from: data)
        } catch {
            throw CalendarError.malformedSchedule(String(describing: error))
        }
        try schedule.validate()
        return schedule
    }

    /// Checks the rules an imported schedule must satisfy:
    /// - the year is plausible (2000…2100);
    /// - every holiday has a name, `first ≤ last`, and lies inside the declared year;
    /// - holidays do not overlap each other;
    /// - every make-up working day lies inside the declared year, is a Saturday or Sunday, is not
    ///   inside a holiday, is listed once, and names a holiday of this schedule.
    ///
    /// A holiday that historically started in the previous December (e.g. 2016-12-31) must be split:
    /// the December part belongs in the previous year's schedule.
    public func validate() throws {
        guard (2000...2100).contains(year) else { throw CalendarError.implausibleYear(year) }
        for holiday in holidays {
            guard !holiday.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CalendarError.unnamedHoliday(first: holiday.first)
            }
            guard holiday.first <= holiday.last else {
                throw CalendarError.reversedHoliday(name: holiday.name, first: holiday.first, last: holiday.last)
            }
            for day in [holiday.first, holiday.last] where day.year != year {
                throw CalendarError.dateOutsideYear(entry: holiday.name, day: day, year: year)
            }
        }
        let sorted = holidays.sorted { $0.first < $1.first }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.first <= earlier.last {
            throw CalendarError.overlappingHolidays(earlier.name, later.name)
        }
        var seen = Set<LocalDay>()
        for makeUp in makeUpWorkdays {
            let entry = "\(makeUp.holiday)调休上班 \(makeUp.date)"
            guard makeUp.date.year == year else {
                throw CalendarError.dateOutsideYear(entry: entry, day: makeUp.date, year: year)
            }
            guard makeUp.date.isWeekend else { throw CalendarError.makeUpNotWeekend(makeUp.date) }
            if let holiday = holidays.first(where: { $0.contains(makeUp.date) }) {
                throw CalendarError.makeUpInsideHoliday(day: makeUp.date, holiday: holiday.name)
            }
            guard seen.insert(makeUp.date).inserted else { throw CalendarError.duplicateMakeUpDay(makeUp.date) }
            guard holidays.contains(where: { $0.name == makeUp.holiday }) else {
                throw CalendarError.makeUpForUnknownHoliday(day: makeUp.date, holiday: makeUp.holiday)
            }
        }
    }
}
