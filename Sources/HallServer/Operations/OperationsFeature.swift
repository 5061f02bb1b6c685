import HallCore
import HallStore
import Hummingbird

/// What the hall's operators and screens read: `/healthz`, `/metrics`, `/openapi.yaml` and the
/// WebSocket event stream `/ws/events`.
public final class OperationsFeature: HallFeature {
    let database: HallDatabase
    let queue: QueueService
    let metrics: HallMetrics
    let hub: EventHub
    let health: HallHealth
    let publicURL: String
    let disk: DiskSpace

    init(
        database: HallDatabase, queue: QueueService, metrics: HallMetrics, hub: EventHub, health: HallHealth, publicURL: String,
        disk: DiskSpace
    ) {
        self.database = database
        self.queue = queue
        self.metrics = metrics
        self.hub = hub
        self.health = health
        self.publicURL = publicURL
        self.disk = disk
    }

    /// The free space of the database's and the state directory's disks (`disk`).
    public func health() async -> [DeviceHealth] { [disk.health()] }

    public func addRoutes(to router: Router<HallRequestContext>) {
        OperationsRoutes(database: database, queue: queue, metrics: metrics, hub: hub, health: health, publicURL: publicURL).register(on: router)
        EventStreamRoute(hub: hub).register(on: router)
    }
}
