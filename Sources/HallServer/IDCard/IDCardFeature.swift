import Foundation
import HallCore
import HallIDCard
import HallStore
import HallTransport
import Hummingbird
import Logging

/// The ID card readers (二代证阅读器) and what they are for: a ticket by card at the kiosk with
/// per-person limits, an appointment's check-in by card, the applicant of a case read at a window
/// (with an audit entry), and an identity check for home visits (`hallctl idcard read`).
///
/// Card data lives in memory for the one request: the kiosk answers with the masked name only,
/// the limits keep a keyed hash of the ID number, and nothing of the card is logged.
public final class IDCardFeature: HallFeature {
    let readers: IDCardReaders
    let settings: IDCardSettings
    let keys: CardHolderKeys
    let tickets: CardTicketService
    let desk: TicketDesk
    let appointments: AppointmentService
    /// The AB posts and who works at which window: a clerk reads only on their own window's reader.
    let posts: PostsFeature
    /// Home visits, for the identity check on site.
    let visits: HomeVisitService
    let audit: AuditLog
    let clock: any HallClock
    let timeZone: TimeZone
    private let logger: Logger

    init(
        configuration: HallConfiguration, database: HallDatabase, queue: QueueFeature, appointments: AppointmentService,
        posts: PostsFeature, visits: HomeVisitService, audit: AuditLog, readers: IDCardReaders, clock: any HallClock, logger: Logger
    ) throws {
        try configuration.idCard.validate()
        settings = configuration.idCard
        self.readers = readers
        keys = try CardHolderKeys(database: database, configuredSecret: configuration.idCard.personKeySecret)
        timeZone = configuration.queue.timeZone
        tickets = CardTicketService(store: SQLiteCardTicketStore(), settings: configuration.idCard.kiosk, clock: clock, timeZone: timeZone)
        desk = queue.desk
        self.appointments = appointments
        self.posts = posts
        self.visits = visits
        self.audit = audit
        self.clock = clock
        self.logger = logger
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        IDCardRoutes(feature: self).register(on: router)
    }

    /// The readers' hotplug and health checks; nothing when the hall has no reader.
    public var backgroundWork: [BackgroundWork] {
        readers.stations.isEmpty ? [] : [BackgroundWork("idcard-readers") { [self] in await run() }]
    }

    /// Watches USB readers for unplug and checks every reader's module every 10 seconds.
    func run() async {
        let monitors = readers.stations.compactMap { station -> USBHotplugMonitor? in
            guard let match = station.hotplug else { return nil }
            let monitor = USBHotplugMonitor(match: match)
            let reader = station.reader, logger = logger
            do {
                try monitor.start { event in
                    logger.info("ID card reader (\(reader.place)) \(event)")
                    if event.kind == .left { reader.transportLeft("USB-serial chip \(event.device) unplugged") }
                }
                return monitor
            } catch {
                logger.warning("USB hotplug unavailable for the ID card reader (\(reader.place)): \(error)")
                return nil
            }
        }
        defer { monitors.forEach { $0.stop() } }
        while !Task.isCancelled {
            await readers.checkAll()
            try? await Task.sleep(for: .seconds(10))
        }
    }

    public func health() async -> [DeviceHealth] { readers.health() }
}
