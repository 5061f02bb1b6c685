import Foundation
import HallCore

/// The one path of a ticket, for the kiosk, the clerk, an appointment's check-in and a reprint:
/// 1. admitted — the priority asked for is the caller's to give, and a kiosk is refused outside
///    opening hours (`TicketAdmissionCheck`);
/// 2. issued — numbered and committed by the queue, with its event;
/// 3. printed — on the kiosk's ticket printer through its spooler, or the resident is told to
///    note the number.
public final class TicketDesk: Sendable {
    let queue: QueueService
    let admission: any TicketAdmissionCheck
    /// The ticket printer (nil: the hall has none).
    let printing: TicketPrinting?
    let clock: any HallClock

    init(queue: QueueService, admission: any TicketAdmissionCheck, printing: TicketPrinting?, clock: any HallClock) {
        self.queue = queue
        self.admission = admission
        self.printing = printing
        self.clock = clock
    }

    /// Admits, issues and prints a ticket for `service` taken by `principal`.
    func issue(service: String, priority: TicketPriority, by principal: Principal?) async throws -> KioskTicket {
        try await admit(priority, by: principal)
        let issued = try await queue.issue(serviceKey: service, priority: priority, actor: principal?.name)
        return await handOut(issued)
    }

    /// Admits, issues and prints a ticket whose priority the hall itself granted (green channel from
    /// the age on an ID card the kiosk read): admitted as a normal ticket of `principal`, issued with
    /// `priority`; `rider` (the card's per-person limits) checks and records in the issue's transaction.
    func issue(
        service: String, priority: TicketPriority, grantedByHall: Bool, rider: (any TicketIssueRider)? = nil, by principal: Principal?
    ) async throws -> KioskTicket {
        try await admit(grantedByHall ? .normal : priority, by: principal)
        let issued = try await queue.issue(serviceKey: service, priority: priority, actor: principal?.name, rider: rider)
        return await handOut(issued)
    }

    /// Step 1: may `principal` take a ticket of `priority` now?
    func admit(_ priority: TicketPriority, by principal: Principal?) async throws {
        try PriorityTicketRules.check(priority, requestedBy: principal)
        if let principal, let refusal = try await admission.refusal(issuedByDevice: principal.isDevice) {
            throw ExtendedError.hallClosed(refusal)
        }
    }

    /// Step 3: prints a ticket the queue has issued — here or at an appointment's check-in, which
    /// issues it in the same transaction as the check-in (and is not refused on a closed day:
    /// weekend appointments are booked for days the hall is otherwise closed).
    func handOut(_ issued: IssuedTicket) async -> KioskTicket {
        guard let printing else {
            return KioskTicket(issued: issued, print: PrintReport(status: .disabled, message: "本大厅未配置取号打印机，请记下您的号码。"))
        }
        return KioskTicket(issued: issued, print: await printing.print(issued))
    }

    /// Prints ticket `ref` (its number, e.g. `B001`, or its id) again with its current position.
    func reprint(_ ref: String) async throws -> PrintReport {
        guard let printing else { throw DeviceRouteError.noPrinter }
        return await printing.reprint(try await queue.ticketStatus(ref: ref), at: clock.now())
    }
}
