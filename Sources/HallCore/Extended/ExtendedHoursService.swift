import Foundation

/// Opening hours and extended service (延时服务).
///
/// Nobody applies for extended hours: `check()` (run every few seconds by halld) starts an extended
/// period when closing time passes with tickets waiting or being served, and ends it when the last
/// of them is done, left or no-show; the minutes each clerk worked go to the ledger in the same
/// transaction. Before closing, `status()` carries every waiting ticket's expected wait (the queue's
/// own estimate) for the hall screen, the console and the printed slip. A clerk who cannot stay
/// reports it; the center head assigns a replacement to the window.
///
/// The use cases live in extensions, one concern per file: opening hours (`+Hours`), the day's
/// status and wait estimates (`+Status`), extended periods (`+Sessions`) and replacements
/// (`+Replacements`).
public final class ExtendedHoursService: Sendable {
    let store: any ExtendedHoursStore
    let queue: QueueService
    let accounts: any AccountStore
    let clock: any HallClock
    let timeZone: TimeZone
    let settings: ExtendedHoursSettings
    let calendar: @Sendable () async throws -> WorkingDayCalendar
    private let sink: any HallEventSink

    public init(
        store: any ExtendedHoursStore, queue: QueueService, accounts: any AccountStore, clock: any HallClock,
        timeZone: TimeZone, settings: ExtendedHoursSettings,
        calendar: @escaping @Sendable () async throws -> WorkingDayCalendar, sink: any HallEventSink
    ) {
        self.store = store
        self.queue = queue
        self.accounts = accounts
        self.clock = clock
        self.timeZone = timeZone
        self.settings = settings
        self.calendar = calendar
        self.sink = sink
    }

    // MARK: Helpers

    /// Today's hours and the next opening; nil hours when the calendar does not cover the year.
    func resolve(_ day: LocalDay) async throws -> (DayHours?, DayHours?) {
        let stored = try await store.read { try $0.openingHoursOverride() }
        let hours = stored?.hours ?? settings.openingHours
        let calendar = try await calendar()
        do {
            let today = try hours.hours(on: day, calendar: calendar, timeZone: timeZone)
            let next = try? hours.nextOpening(after: day, calendar: calendar, timeZone: timeZone)
            return (today, next ?? nil)
        } catch is CalendarError {
            return (nil, nil)
        }
    }

    /// Refuses a window number the queue does not know.
    func requireWindow(_ number: Int) async throws {
        guard try await queue.windows().contains(where: { $0.number == number }) else { throw ExtendedError.unknownWindow(number) }
    }

    /// An instant as ISO 8601 text, for event data.
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// Runs `work` in a durable transaction; its events are appended inside it and published after commit.
    func write<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}
