import Foundation
import HallCore
import HallPrinter

/// Prints tickets and slips on the kiosk's ticket printer through its spooler: every job is kept
/// durably, printed now when the printer is ready and retried until it is.
public final class TicketPrinting: Sendable {
    public let spooler: PrintSpooler
    private let center: HallConfiguration.Center
    private let timeZone: TimeZone
    private let layout: TicketLayout
    /// Signs the QR link so only the ticket holder can rate the service.
    private let keys: TicketKeys
    /// The lines in the hall's second script (bilingual halls), printed as images; asked for each
    /// ticket, since the head may correct the wording while halld runs.
    private let secondScript: @Sendable () -> SecondScript?
    /// The services' names in the second script (service id → name), where configured.
    private let secondScriptServiceNames: [String: String]

    init(
        spooler: PrintSpooler, center: HallConfiguration.Center, timeZone: TimeZone, keys: TicketKeys,
        secondScript: @escaping @Sendable () -> SecondScript? = { nil }, secondScriptServiceNames: [String: String] = [:],
        layout: TicketLayout = TicketLayout()
    ) {
        self.secondScriptServiceNames = secondScriptServiceNames
        self.spooler = spooler
        self.center = center
        self.timeZone = timeZone
        self.layout = layout
        self.keys = keys
        self.secondScript = secondScript
    }

    /// A service's name in the second script, where configured (the wait slip prints it too).
    func secondScriptServiceName(_ serviceID: String) -> String? { secondScriptServiceNames[serviceID] }

    /// The job id of a ticket's printout.
    static func jobID(_ ticket: Ticket) -> String { "ticket-\(ticket.id)" }

    /// The printable slip of a ticket: no personal data, a QR code to its status page (with the
    /// ticket's key, which lets its holder rate the service).
    func document(for ticket: Ticket, serviceName: String, peopleAhead: Int, waitMinutes: Int) -> PrintDocument {
        var slip = TicketSlip(
            centerName: center.name, serviceName: serviceName, number: ticket.number,
            peopleAhead: peopleAhead, estimatedWaitMinutes: waitMinutes, issuedAt: ticket.issuedAt,
            timeZone: timeZone, statusURL: center.publicURL(keys.statusPath(for: ticket.id)))
        slip.secondScript = secondScript()
        slip.secondScript?.serviceName = secondScriptServiceNames[ticket.serviceID]
        return .ticket(slip, layout)
    }

    /// Prints a freshly issued ticket.
    func print(_ issued: IssuedTicket) async -> PrintReport {
        let document = document(
            for: issued.ticket, serviceName: issued.serviceName, peopleAhead: issued.peopleAhead,
            waitMinutes: issued.estimatedWaitMinutes)
        return await submit(PrintJob(id: Self.jobID(issued.ticket), document: document), number: issued.ticket.number)
    }

    /// Prints a ticket again (a clerk's reprint), with its current position.
    func reprint(_ status: TicketStatus, at now: Date) async -> PrintReport {
        let document = document(
            for: status.ticket, serviceName: status.serviceName, peopleAhead: status.peopleAhead,
            waitMinutes: status.estimatedWaitMinutes)
        let job = PrintJob(id: "\(Self.jobID(status.ticket))-reprint-\(Int64(now.timeIntervalSince1970))", document: document)
        return await submit(job, number: status.ticket.number)
    }

    /// Prints a receipt-style slip (e.g. the expected-wait slip before closing) through the same
    /// spooler: kept and retried like a ticket when the printer has a fault.
    func print(receipt: ReceiptDocument, jobID: String, number: String) async -> PrintReport {
        await submit(PrintJob(id: jobID, document: .receipt(receipt, ReceiptLayout())), number: number)
    }

    private func submit(_ job: PrintJob, number: String) async -> PrintReport {
        await spooler.submit(
            job,
            wording: .init(
                printed: "已打印 \(number) 号小票。",
                queued: { "小票打印失败（\($0)），请记下您的号码 \(number)。打印机恢复后将自动补打。" },
                failed: { "小票无法打印（\($0)），请记下您的号码 \(number)。" }))
    }
}
