import HallCore

/// The hall's working-day calendar as imported with the intake data, read afresh each time a
/// feature needs it (a new year's schedule applies without a restart).
struct HallCalendarSource: Sendable {
    let load: @Sendable () async throws -> WorkingDayCalendar

    init(intake: IntakeService) {
        load = { try await intake.calendar() }
    }
}
