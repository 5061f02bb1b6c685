import Foundation

extension ExtendedHoursService {
    // MARK: Opening hours

    /// The hours in force (the override when set, else the configured ones) and the next `days` days.
    public func hours(days: Int = 7) async throws -> HoursView {
        let stored = try await store.read { try $0.openingHoursOverride() }
        let effective = stored?.hours ?? settings.openingHours
        let calendar = try await calendar()
        var list: [DayHours] = []
        var day = LocalDay(clock.now(), in: timeZone)
        for _ in 0..<max(1, min(days, 31)) {
            guard let hours = try? effective.hours(on: day, calendar: calendar, timeZone: timeZone) else { break }
            list.append(hours)
            day = day.adding(days: 1)
        }
        return HoursView(
            openingHours: effective, source: stored == nil ? "configuration" : "override",
            updatedAt: stored?.updatedAt, updatedBy: stored?.updatedBy, days: list,
            closingNoticeMinutes: settings.closingNoticeMinutes, calendarYears: calendar.coveredYears)
    }

    /// Replaces the opening hours (validated) until reset.
    public func setHours(_ hours: OpeningHours, by actor: String) async throws -> HoursView {
        try hours.validate()
        let now = clock.now()
        try await write { tx in
            try tx.saveOpeningHoursOverride(OpeningHoursOverride(hours: hours, updatedAt: now, updatedBy: actor))
            return (
                (),
                [
                    HallEvent(
                        type: .hoursChanged, at: now, actor: actor,
                        data: ["source": "override", "seasons": hours.seasons.map(\.name).joined(separator: "、")])
                ]
            )
        }
        return try await self.hours()
    }

    /// Returns to the configured opening hours.
    public func resetHours(by actor: String) async throws -> HoursView {
        let now = clock.now()
        try await write { tx in
            try tx.saveOpeningHoursOverride(nil)
            return ((), [HallEvent(type: .hoursChanged, at: now, actor: actor, data: ["source": "configuration"])])
        }
        return try await hours()
    }
}
