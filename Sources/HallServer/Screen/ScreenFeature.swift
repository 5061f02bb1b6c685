import HallCore
import HallStore
import Hummingbird

/// What the hall screen shows beside the queue: the head's scrolling notice.
public final class ScreenFeature: HallFeature {
    public let notices: ScreenNoticeService

    init(database: HallDatabase, clock: any HallClock, sink: any HallEventSink) {
        notices = ScreenNoticeService(store: SQLiteScreenNoticeStore(database), clock: clock, sink: sink)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        ScreenNoticeRoutes(notices: notices).register(on: router)
    }
}
