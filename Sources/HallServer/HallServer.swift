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
    /// Ticket printer, LED screens and voice (emulated in the demo hall).
    public let devices: HallDevices
    // MARK: intake (issue 5)
    /// Case intake (一窗受理): catalog, calendar, cases, deadlines.
    public let intake: IntakeService
    /// Acceptance and correction notices: PDFs kept with cases, printed on the office printer.
    public let notices: CaseNotices
    // MARK: end intake
    // MARK: accounts (issue 8)
    /// Staff sign-in, sessions, device tokens and account management.
    public let accounts: AccountService
    /// The audit log of every state change.
    public let audit: AuditLog
    // MARK: end accounts
    /// Appointments and home visits (issue 6).
    public let appointments: AppointmentsModule
    /// Ratings and follow-ups, AB posts, reports (issue 8).
    public let management: CenterManagement
    /// Materials captured into cases on the windows' scanners (issue 7).
    public let captures: CaseCaptures
    /// Opening hours, extended service, the staff ledger and follow-ups (issue 6).
    public let extendedHours: ExtendedHoursHall
    /// The head's one list of follow-ups of every kind: residents', bad ratings', home visits'.
    public let followUpBoard: FollowUpBoard

    /// Opens the database, applies the configured services and windows, and wires the queue.
    /// `sinks` receive every committed event too (displays, voice, printers).
    public init(configuration: HallConfiguration, clock: any HallClock = SystemClock(),
                sinks: [any HallEventSink] = [], logger: Logger = Logger(label: "halld")) throws {
        self.configuration = configuration
        self.clock = clock
        database = try HallDatabase(configuration.storeConfiguration)
        try database.configure(services: configuration.services, windows: configuration.windows)
        hub = EventHub()
        metrics = HallMetrics()
        health = HealthRegistry()
        devices = try HallDevices(configuration: configuration, database: database, logger: logger)
        health.register("devices") { [devices] in await devices.health() }
        let deviceSinks: [any HallEventSink] = devices.calls.map { [$0.sink] } ?? []
        let sink = FanOutEventSink([hub, metrics] + deviceSinks + sinks)
        queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: configuration.queue, sink: sink)
        // MARK: intake (issue 5)
        intake = IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: configuration.intake, sink: sink)
        notices = CaseNotices(database: database, stateDirectory: configuration.stateDirectory,
                              officePrinter: configuration.officePrinter, clock: clock)
        _ = try IntakeDataFiles.seed(database, dataDirectory: configuration.dataDirectory, at: clock.now())
        // MARK: end intake
        // MARK: accounts (issue 8)
        var access = configuration
        if access.accounts.demoAccounts {
            access.devices.kiosks += AccountBootstrap.demoDevices.kiosks
            access.devices.screens += AccountBootstrap.demoDevices.screens
            access.devices.ratingPads += AccountBootstrap.demoDevices.ratingPads.filter { pad in
                access.windows.contains { $0.number == pad.window }
            }
        }
        try AccountBootstrap.run(database: database, configuration: access, now: clock.now(), logger: logger)
        let accountStore = SQLiteAccountStore(database)
        accounts = AccountService(store: accountStore, configuration: access, clock: clock)
        audit = AuditLog(store: accountStore)
        // MARK: end accounts
        // The staff ledger first: appointments record their duty in it, reports read it.
        extendedHours = ExtendedHoursHall(configuration: configuration, database: database, queue: queue, intake: intake,
                                          accounts: accountStore, printing: devices.printing, clock: clock, sink: sink) // issue 6
        appointments = try AppointmentsModule(configuration: configuration, database: database, queue: queue, intake: intake, ledger: extendedHours.ledger, clock: clock, sink: sink, logger: logger) // issue 6
        management = try CenterManagement(configuration: configuration, database: database, accounts: accounts, audit: audit,
                                          ledger: extendedHours.ledger, clock: clock, sink: sink)
        captures = CaseCaptures(configuration: configuration, database: database, intake: intake, stations: devices.scanners, sink: sink, clock: clock)
        followUpBoard = FollowUpBoard(sources: [extendedHours.followUps, management.ratings, appointments.visits])
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
        ExtendedServiceRoutes(hall: extendedHours, clock: clock, timeZone: configuration.queue.timeZone).register(on: router) // issue 6 (before QueueRoutes: kiosk admission)
        QueueRoutes(queue: queue, printing: devices.printing).register(on: router)
        DeviceRoutes(queue: queue, devices: devices).register(on: router)
        IntakeRoutes(intake: intake, notices: notices, content: NoticeContent(configuration: configuration)).register(on: router) // intake (issue 5)
        AppointmentRoutes(module: appointments, printing: devices.printing).register(on: router) // appointments, home visits (issue 6)
        OperationsRoutes(database: database, queue: queue, metrics: metrics, hub: hub, health: health).register(on: router)
        management.register(on: router, clock: clock) // ratings, posts, reports (issue 8)
        EventStreamRoute(hub: hub).register(on: router)
        CaptureRoutes(captures: captures).register(on: router) // captures (issue 7)
        FollowUpBoardRoutes(board: followUpBoard).register(on: router) // follow-ups of every kind
        PageRoutes(configuration: configuration).register(on: router)
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
