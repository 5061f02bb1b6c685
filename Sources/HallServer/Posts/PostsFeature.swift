import HallCore
import HallStore
import Hummingbird

/// AB posts (AB岗): who holds each window and who stands in when they are away.
public final class PostsFeature: HallFeature {
    public let service: PostService
    /// Who works at which window now (seated by the console's window choice).
    public let seats = WindowSeatBoard()

    init(database: HallDatabase, accounts: any AccountStore, clock: any HallClock, sink: any HallEventSink) {
        service = PostService(store: SQLitePostStore(database), accounts: accounts, clock: clock, sink: sink)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        PostRoutes(posts: service, seats: seats).register(on: router)
    }
}
