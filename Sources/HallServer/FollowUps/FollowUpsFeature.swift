import Foundation
import HallCore
import HallStore
import Hummingbird

/// Follow-ups (回告与督办): what a clerk promised to tell a resident (告知办理结果), and the head's one
/// board of every kind of follow-up — residents', bad ratings' and home visits'.
public final class FollowUpsFeature: HallFeature {
    public let service: FollowUpService
    /// Every kind of follow-up in one list.
    public let board: FollowUpBoard

    /// - Parameter otherSources: the other features' follow-ups shown on the board.
    init(
        configuration: HallConfiguration, database: HallDatabase, calendar: HallCalendarSource, accounts: any AccountStore,
        otherSources: [any FollowUpSource], clock: any HallClock, sink: any HallEventSink
    ) {
        service = FollowUpService(
            store: SQLiteExtendedStore(database), accounts: accounts, clock: clock,
            timeZone: configuration.queue.timeZone, settings: configuration.extendedHours.followUps,
            calendar: calendar.load, sink: sink)
        board = FollowUpBoard(sources: [service] + otherSources)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        FollowUpRoutes(followUps: service).register(on: router)
        FollowUpBoardRoutes(board: board).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] { [makeSweep().backgroundWork] }

    /// The periodic check that announces residents' follow-ups past their due day (`follow_up.overdue`,
    /// once each); a round returns those that became overdue.
    public func makeSweep(interval: Duration = .seconds(300)) -> Sweep<[FollowUp]> {
        Sweep("follow-ups", every: interval) { [service] in try await service.checkOverdue() }
    }
}
