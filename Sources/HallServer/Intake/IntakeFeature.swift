import Foundation
import HallCore
import HallStore
import Hummingbird

/// Single-window intake (一窗受理) and parallel department review (并联办理): the catalog of items and
/// the working-day calendar, cases and their deadlines, acceptance and correction notices.
public final class IntakeFeature: HallFeature {
    public let service: IntakeService
    /// Acceptance and correction notices: PDFs kept with cases, printed on the office printer.
    public let notices: CaseNotices
    /// Keys of the cases' public status links.
    public let keys: CaseKeys
    let content: NoticeContent
    let clock: any HallClock
    let timeZone: TimeZone

    /// Seeds the catalog and the calendar from `data/` on first start.
    init(
        configuration: HallConfiguration, database: HallDatabase, wording: ResidentWording, clock: any HallClock,
        sink: any HallEventSink
    ) throws {
        service = IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: configuration.intake, sink: sink)
        notices = CaseNotices(
            database: database, stateDirectory: configuration.stateDirectory,
            officePrinter: configuration.officePrinter, clock: clock)
        keys = try CaseKeys.cases(database)
        content = NoticeContent(configuration: configuration, keys: keys, wording: wording)
        self.clock = clock
        timeZone = configuration.queue.timeZone
        _ = try IntakeDataFiles.seed(database, dataDirectory: configuration.dataDirectory, at: clock.now())
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        IntakeRoutes(intake: service, notices: notices, content: content).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The working-day calendar's foresight: from 1 November, the hall is degraded until next year's
    /// official schedule is imported (it is published around November; without it, deadlines that
    /// reach into the next year are refused or only provisional).
    public func health() async -> [DeviceHealth] {
        let today = LocalDay(clock.now(), in: timeZone)
        guard let calendar = try? await service.calendar() else {
            return [DeviceHealth(name: "calendar", ok: false, condition: "无法读取工作日历，请检查数据库。")]
        }
        var missing = calendar.covers(year: today.year) ? [] : [today.year]
        if today.month >= 11, !calendar.covers(year: today.year + 1) { missing.append(today.year + 1) }
        guard !missing.isEmpty else {
            let covered = calendar.coveredYears.map(String.init).joined(separator: "、")
            return [DeviceHealth(name: "calendar", ok: true, condition: "已导入 \(covered) 年")]
        }
        let years = missing.map { "\($0)年" }.joined(separator: "、")
        return [
            DeviceHealth(
                name: "calendar", ok: false,
                condition: "\(years)官方节假日安排尚未导入：请系统管理员在管理页“目录与日历”中导入国务院办公厅的通知，否则跨年办件的承诺日期无法确定。")
        ]
    }

    /// The periodic deadline check, so `case.due_soon` and `case.overdue` reach the event stream (each
    /// level once per case) without anyone opening the board; a round returns how many cases are due
    /// soon or overdue.
    public func makeSweep(interval: Duration = .seconds(300)) -> Sweep<Int> {
        Sweep("deadlines", every: interval) { [service] in
            try await service.checkDeadlines().filter { $0.level > .onTrack }.count
        }
    }
}
