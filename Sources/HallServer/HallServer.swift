import Foundation
import HallCore
import HallStore
import Hummingbird
import HummingbirdWebSocket
import Logging

/// Assembles the hall: the database, the queue, the event stream, metrics, health and routes.
///
/// `halld` builds one, attaches devices to `events`/`health`, and runs `makeApplication()`;
/// tests do the same on a temporary database and a free port.
public final class HallServer: Sendable {
    public let configuration: HallConfiguration
    public let database: HallDatabase
    public let queue: QueueService
    public let hub: EventHub
    public let metrics: HallMetrics
    public let health: HealthRegistry
    public let clock: any HallClock
    // MARK: accounts (issue 8)
    /// Staff sign-in, sessions, device tokens and account management.
    public let accounts: AccountService
    /// The audit log of every state change.
    public let audit: AuditLog
    // MARK: end accounts
    private let extraSinks: [any HallEventSink]

    /// Opens the database, applies the configured services and windows, and wires the queue.
    /// `sinks` receive every committed event too (displays, voice, printers).
    public init(configuration: HallConfiguration, clock: any HallClock = SystemClock(),
                sinks: [any HallEventSink] = []) throws {
        self.configuration = configuration
        self.clock = clock
        database = try HallDatabase(configuration.storeConfiguration)
        try database.configure(services: configuration.services, windows: configuration.windows)
        hub = EventHub()
        metrics = HallMetrics()
        health = HealthRegistry()
        extraSinks = sinks
        let sink = FanOutEventSink([hub, metrics] + sinks)
        queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: configuration.queue, sink: sink)
        // MARK: accounts (issue 8)
        var access = configuration
        if access.accounts.demoAccounts {
            access.devices.kiosks += AccountBootstrap.demoDevices.kiosks
            access.devices.screens += AccountBootstrap.demoDevices.screens
        }
        try AccountBootstrap.run(database: database, configuration: access, now: clock.now(), logger: Logger(label: "halld"))
        let accountStore = SQLiteAccountStore(database)
        accounts = AccountService(store: accountStore, configuration: access, clock: clock)
        audit = AuditLog(store: accountStore)
        // MARK: end accounts
    }

    /// The router with every route and the error middleware.
    public func makeRouter() -> Router<HallRequestContext> {
        let router = Router(context: HallRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxRequestBytes))
        // MARK: accounts (issue 8): who is calling, and may they (every state-changing route)
        router.add(middleware: AuthMiddleware(accounts: accounts))
        router.add(middleware: PermissionMiddleware(audit: audit, clock: clock))
        SessionRoutes(accounts: accounts, audit: audit, clock: clock).register(on: router)
        AccountRoutes(accounts: accounts, audit: audit, timeZone: configuration.queue.timeZone).register(on: router)
        // MARK: end accounts
        QueueRoutes(queue: queue).register(on: router)
        OperationsRoutes(database: database, queue: queue, metrics: metrics, hub: hub, health: health).register(on: router)
        EventStreamRoute(hub: hub).register(on: router)
        PageRoutes().register(on: router)
        return router
    }

    /// The HTTP + WebSocket application, listening where the configuration says (or on `port`).
    public func makeApplication(port: Int? = nil, logger: Logger? = nil,
                                onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = makeRouter()
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname(configuration.listen.host, port: port ?? configuration.listen.port),
                                 serverName: "halld"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger ?? Logger(label: "halld")
        )
    }
}
