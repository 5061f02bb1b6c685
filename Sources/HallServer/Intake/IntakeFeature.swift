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

    /// Seeds the catalog and the calendar from `data/` on first start.
    init(configuration: HallConfiguration, database: HallDatabase, clock: any HallClock, sink: any HallEventSink) throws {
        service = IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: configuration.intake, sink: sink)
        notices = CaseNotices(database: database, stateDirectory: configuration.stateDirectory,
                              officePrinter: configuration.officePrinter, clock: clock)
        keys = try CaseKeys.cases(database)
        content = NoticeContent(configuration: configuration, keys: keys)
        _ = try IntakeDataFiles.seed(database, dataDirectory: configuration.dataDirectory, at: clock.now())
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        IntakeRoutes(intake: service, notices: notices, content: content).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The periodic deadline check, so `case.due_soon` and `case.overdue` reach the event stream (each
    /// level once per case) without anyone opening the board; a round returns how many cases are due
    /// soon or overdue.
    public func makeSweep(interval: Duration = .seconds(300)) -> Sweep<Int> {
        Sweep("deadlines", every: interval) { [service] in
            try await service.checkDeadlines().filter { $0.level > .onTrack }.count
        }
    }
}
