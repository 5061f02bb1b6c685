import HallCore
import HallStore
import Hummingbird

/// The queue: tickets, windows and calls (`QueueService`), and the one path every ticket takes
/// from admission to the printer (`TicketDesk`).
public final class QueueFeature: HallFeature {
    public let service: QueueService
    public let desk: TicketDesk
    /// The per-ticket keys of the QR links on printed tickets.
    public let keys: TicketKeys

    init(
        service: QueueService, keys: TicketKeys, admission: any TicketAdmissionCheck, printing: TicketPrinting?,
        clock: any HallClock
    ) {
        self.service = service
        self.keys = keys
        desk = TicketDesk(queue: service, admission: admission, printing: printing, clock: clock)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        QueueRoutes(queue: service, desk: desk).register(on: router)
    }
}
