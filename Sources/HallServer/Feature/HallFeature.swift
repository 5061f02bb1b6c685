import Hummingbird

/// One feature of the hall on the server (the queue, intake, appointments, ratings…): its routes,
/// the work it does in the background and the health of what it drives. `HallServer` is the list
/// of these, and every feature lives in its own folder next to its routes and request types.
public protocol HallFeature: Sendable {
    /// Adds the feature's routes. Routes only: the middleware every request passes through
    /// belongs to the server (`HallServer.makeRouter`), so no feature depends on another's order.
    func addRoutes(to router: Router<HallRequestContext>)
    /// What halld runs in the background until it shuts down (sweeps, device loops).
    var backgroundWork: [BackgroundWork] { get }
    /// The health of the devices the feature drives, for `/healthz`, `/metrics` and the console.
    func health() async -> [DeviceHealth]
}

extension HallFeature {
    public var backgroundWork: [BackgroundWork] { [] }
    public func health() async -> [DeviceHealth] { [] }
}
