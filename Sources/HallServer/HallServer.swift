import Foundation
import HallCore
import HallScanner
import HallStore
import HallTransport
import Hummingbird
import HummingbirdWebSocket
import Logging

/// The hall on the server: the database, the event stream and the list of features.
///
/// Each feature (`HallFeature`) lives in its own folder with its routes, request types and
/// background work. `halld` builds one server, runs `makeApplication()` and every feature's
/// `backgroundWork`; tests do the same on a temporary database and a free port.
public final class HallServer: Sendable {
    public let configuration: HallConfiguration
    public let database: HallDatabase
    public let clock: any HallClock
    /// Every committed event, to the WebSocket clients.
    public let hub: EventHub
    public let metrics: HallMetrics

    public let devices: DevicesFeature
    public let accounts: AccountsFeature
    public let queue: QueueFeature
    public let intake: IntakeFeature
    public let extended: ExtendedServiceFeature
    public let ledger: LedgerFeature
    public let homeVisits: HomeVisitsFeature
    public let appointments: AppointmentsFeature
    public let ratings: RatingsFeature
    public let posts: PostsFeature
    public let reports: ReportsFeature
    public let followUps: FollowUpsFeature
    public let captures: CapturesFeature
    public let operations: OperationsFeature
    public let pages: PagesFeature
    public let setup: SetupFeature
    public let pairing: PairingFeature
    public let screen: ScreenFeature
    public let idCard: IDCardFeature
    public let hubLink: HubLinkFeature
    public let wording: WordingFeature
    public let voicePacks: VoicePacksFeature

    /// Every feature of the hall. Their order does not matter: no route or middleware of one
    /// depends on another's being added first.
    public var features: [any HallFeature] {
        [
            devices, accounts, queue, intake, extended, ledger, homeVisits, appointments, ratings, posts, reports, followUps,
            captures, operations, pages, setup, pairing, screen, idCard, hubLink, wording, voicePacks,
        ]
    }

    /// Opens the database, applies the configured services and windows, and builds every feature.
    ///
    /// - Parameters:
    ///   - standIns: emulators for devices that are not plugged in (halld's demo hall); nil: none.
    ///   - scanHelper: how SANE captures and device listings run out of this process (halld's own
    ///     binary, found by `SaneHelper.locate()`); nil: libsane inside this process.
    ///   - sinks: receive every committed event too.
    ///   - keys: what the configuration file, the environment and the flags set; a completed first-run
    ///     setup (`HallSetupServer`) overrides the rest.
    public init(
        configuration: HallConfiguration, clock: any HallClock = SystemClock(), standIns: (any DeviceStandIns)? = nil,
        scanHelper: SaneHelper? = SaneHelper.locate(), sinks: [any HallEventSink] = [], logger: Logger = Logger(label: "halld"),
        keys: ConfiguredKeys = ConfiguredKeys()
    ) throws {
        let database = try HallDatabase(configuration.storeConfiguration)
        var configuration = try configuration.applyingCheckedSetup(SQLiteSetupStore(database).setupRecordNow(), except: keys)
        configuration.center.publicBaseURL = configuration.effectivePublicBaseURL
        self.configuration = configuration
        self.clock = clock
        self.database = database
        try database.configure(services: configuration.services, windows: configuration.windows)
        hub = EventHub()
        metrics = HallMetrics()
        // The wording's own events (a correction) need no device: its sink leaves the call screens out,
        // which in turn draw bilingual calls from it.
        wording = try WordingFeature(
            catalogs: try ResidentCatalogs(configuration: configuration), database: database, clock: clock,
            sink: FanOutEventSink([hub, metrics] + sinks), logger: logger)
        voicePacks = try VoicePacksFeature(wording: wording.wording, configuration: configuration, database: database, clock: clock)
        devices = try DevicesFeature(
            configuration: configuration, database: database, standIns: standIns, scanHelper: scanHelper,
            callImage: wording.wording.languages.isBilingual ? LEDCallImage(wording: wording.wording) : nil,
            voicePacks: voicePacks.packs, clock: clock, logger: logger)
        let sink = FanOutEventSink([hub, metrics] + (devices.calls.map { [$0.sink] } ?? []) + sinks)

        let paired = try PairingFeature.registry(database: database, clock: clock)
        accounts = try AccountsFeature(configuration: configuration, database: database, clock: clock, logger: logger, pairedDevices: paired)
        pairing = PairingFeature(configuration: configuration, database: database, registry: paired, accounts: accounts, clock: clock)
        setup = try SetupFeature(database: database)
        let staff = accounts.service.store
        intake = try IntakeFeature(
            configuration: configuration, database: database, wording: wording.wording, clock: clock, sink: sink)
        let calendar = HallCalendarSource(intake: intake.service)

        let queueService = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: configuration.queue, sink: sink)
        let keys = try TicketKeys.tickets(database)
        let residentWording = wording.wording, mongolianName = configuration.center.mongolianName
        let printing = devices.ticketSpooler.map {
            TicketPrinting(
                spooler: $0, center: configuration.center, timeZone: configuration.queue.timeZone, keys: keys,
                secondScript: { residentWording.ticketSecondScript(mongolianName: mongolianName) },
                secondScriptServiceNames: Dictionary(
                    configuration.services.compactMap { s in s.mongolianName.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        }
        extended = ExtendedServiceFeature(
            configuration: configuration, database: database, queue: queueService, calendar: calendar,
            accounts: staff, printing: printing, wording: residentWording, clock: clock, sink: sink)
        queue = QueueFeature(service: queueService, keys: keys, admission: extended.hours, printing: printing, clock: clock)

        ledger = LedgerFeature(
            configuration: configuration, database: database, calendar: calendar, accounts: staff, clock: clock,
            sink: sink)
        homeVisits = try HomeVisitsFeature(
            configuration: configuration, database: database, intake: intake, wording: wording.wording, clock: clock,
            sink: sink, logger: logger)
        appointments = try AppointmentsFeature(
            configuration: configuration, database: database, queue: queue, ledger: ledger.service,
            visits: homeVisits.service, accounts: staff, wording: wording.wording, clock: clock, sink: sink)
        posts = PostsFeature(database: database, accounts: staff, clock: clock, sink: sink)
        idCard = try IDCardFeature(
            configuration: configuration, database: database, queue: queue, appointments: appointments.service,
            posts: posts, visits: homeVisits.service, audit: accounts.audit, readers: devices.idCardReaders, clock: clock, logger: logger)
        ratings = RatingsFeature(
            configuration: configuration, database: database, keys: keys, accounts: accounts, clock: clock,
            sink: sink)
        reports = ReportsFeature(configuration: configuration, database: database, ledger: ledger.service, clock: clock)
        followUps = FollowUpsFeature(
            configuration: configuration, database: database, calendar: calendar, accounts: staff,
            otherSources: [ratings.service, homeVisits.service], clock: clock, sink: sink)
        captures = CapturesFeature(
            configuration: configuration, database: database, intake: intake.service,
            stations: devices.scanners, sink: sink, clock: clock)
        let health = HallHealth()
        operations = OperationsFeature(
            database: database, queue: queueService, metrics: metrics, hub: hub, health: health,
            publicURL: configuration.center.publicBaseURL,
            disk: DiskSpace(
                folders: [URL(fileURLWithPath: configuration.database.path).deletingLastPathComponent().path, configuration.stateDirectory],
                minimumMegabytes: configuration.minFreeDiskMegabytes))
        pages = PagesFeature(configuration: configuration, wording: wording.wording)
        screen = ScreenFeature(database: database, clock: clock, sink: sink)
        hubLink = HubLinkFeature(
            configuration: configuration, database: database, metrics: metrics, clock: clock, logger: logger, intake: intake.service)
        health.watch(features)
    }

    /// Everything halld runs in the background until it shuts down, from every feature.
    public var backgroundWork: [BackgroundWork] { features.flatMap(\.backgroundWork) }

    /// The router: the middleware every request passes through, then every feature's routes.
    public func makeRouter() -> Router<HallRequestContext> {
        let router = Router(context: HallRequestContext.self)
        // In Hummingbird a middleware wraps the routes added after it: these come first so
        // that they wrap every route. Features add routes only.
        let routeMethods = BaseMiddleware.add(to: router, configuration: configuration)
        router.add(middleware: accounts.authentication)
        router.add(middleware: accounts.permission)
        for feature in features { feature.addRoutes(to: router) }
        routeMethods.record(router.routes)
        return router
    }

    /// The HTTP + WebSocket application, listening where the configuration says (or on `port`).
    public func makeApplication(
        port: Int? = nil, logger: Logger? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = makeRouter()
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(
                address: .hostname(configuration.listen.host, port: port ?? configuration.listen.port),
                serverName: "halld"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger ?? Logger(label: "halld")
        )
    }
}
