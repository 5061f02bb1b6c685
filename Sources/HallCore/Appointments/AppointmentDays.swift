/// Which days may carry appointment slots: the days a resident cannot come on a statutory working
/// day for, i.e. the days off of the official calendar.
///
/// - An ordinary Saturday or Sunday: yes.
/// - A public holiday, also on a weekday (e.g. Monday 2026-10-05 of 国庆节): yes.
/// - A make-up working Saturday or Sunday (调休上班, e.g. Sunday 2026-01-04): no — it is a working day.
/// - Any other weekday: no.
/// - A day of a year without an imported schedule: refused (`CalendarError.notCovered`).
public enum AppointmentDays {
    /// Checks that `day` may carry slots; returns the holiday it belongs to, if any.
    public static func checkSlotDay(_ day: LocalDay, calendar: WorkingDayCalendar) throws -> HolidaySchedule.Holiday? {
        guard try calendar.isWorkingDay(day) else { return calendar.holiday(on: day) }
        if day.isWeekend {
            let holiday = calendar.schedule(for: day.year)?.makeUpWorkdays.first { $0.date == day }?.holiday ?? ""
            throw AppointmentError.makeUpWorkday(day, holiday: holiday)
        }
        throw AppointmentError.workingDay(day)
    }
}

/// The rule "at least two working days in advance" (提前两个工作日), for appointments and home visits.
///
/// **Definition.** A booking (or home-visit request) made on day B may be for day D only when
/// `D ≥ E`, where E is the `n`-th working day after B (n = 2) by the official calendar. The day of
/// booking never counts, whatever kind of day it is — the same semantics as every deadline in the
/// hall (`WorkingDayCalendar.addingWorkingDays`). Since appointment slots lie on days off, this means
/// that at least two working days lie strictly between the booking day and the slot; a home visit
/// (which may be on a working day) can be on the second working day after the request at the earliest.
///
/// Examples on the official calendar:
/// - booked Wed 2026-12-02 → E = Fri 12-04: Sat 12-05 may be booked; booked Thu 12-03 → E = Mon 12-07:
///   the weekend of 12-05/12-06 is too close;
/// - booked Tue 2025-12-30 → Wed 12-31 (1), 2026-01-01…01-03 off, Sun 01-04 make-up (2) → E = 2026-01-04:
///   Sat 2026-01-03 is too close; booked Mon 2025-12-29 → E = Wed 12-31: 01-03 may be booked;
/// - booked Thu 2026-02-12 → Fri 02-13 (1), Sat 02-14 make-up (2) → E = 02-14: Sun 02-15 (春节) may be booked.
public enum BookingLeadTime {
    /// The rule's number of working days.
    public static let defaultWorkingDays = 2

    /// The earliest day a booking made on `bookedOn` may be for.
    public static func earliestDay(
        bookedOn: LocalDay, workingDays: Int = defaultWorkingDays,
        calendar: WorkingDayCalendar
    ) throws -> LocalDay {
        try calendar.addingWorkingDays(workingDays, to: bookedOn)
    }

    /// Refuses a booking made on `bookedOn` for `day` when it is less than `workingDays` ahead.
    public static func check(
        bookedOn: LocalDay, for day: LocalDay, workingDays: Int = defaultWorkingDays,
        calendar: WorkingDayCalendar
    ) throws {
        guard day > bookedOn else { throw AppointmentError.dayPassed(day) }
        let earliest = try earliestDay(bookedOn: bookedOn, workingDays: workingDays, calendar: calendar)
        guard day >= earliest else {
            throw AppointmentError.tooShortNotice(day: day, earliest: earliest, workingDays: workingDays)
        }
    }
}
