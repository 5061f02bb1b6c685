import Foundation
import HallCore
import HallPrinter

/// Prints queue tickets through the spooler: every issued ticket becomes a durable print job,
/// printed now when the printer is ready and retried until it is.
public final class TicketPrinting: Sendable {
    public let spooler: PrintSpooler
    private let center: HallConfiguration.Center
    private let timeZone: TimeZone
    private let layout: TicketLayout
    /// Signs the QR link so only the ticket holder can rate the service (nil: plain `?id=` link).
    private let keys: TicketKeys?

    init(spooler: PrintSpooler, center: HallConfiguration.Center, timeZone: TimeZone, layout: TicketLayout = TicketLayout(),
         keys: TicketKeys? = nil) {
        self.spooler = spooler
        self.center = center
        self.timeZone = timeZone
        self.layout = layout
        self.keys = keys
    }

    /// The job id of a ticket's printout.
    static func jobID(_ ticket: Ticket) -> String { "ticket-\(ticket.id)" }

    /// The printable slip of a ticket: no personal data, a QR code to its status page (with the
    /// ticket's key, which lets its holder rate the service).
    func document(for ticket: Ticket, serviceName: String, peopleAhead: Int, waitMinutes: Int) -> PrintDocument {
        let base = center.publicBaseURL.hasSuffix("/") ? String(center.publicBaseURL.dropLast()) : center.publicBaseURL
        let slip = TicketSlip(centerName: center.name, serviceName: serviceName, number: ticket.number,
                              peopleAhead: peopleAhead, estimatedWaitMinutes: waitMinutes, issuedAt: ticket.issuedAt,
                              timeZone: timeZone, statusURL: base + (keys?.statusPath(for: ticket.id) ?? "/t/?id=\(ticket.id)"))
        return .ticket(slip, layout)
    }

    /// Prints a freshly issued ticket.
    public func print(_ issued: IssuedTicket) async -> PrintReport {
        let document = document(for: issued.ticket, serviceName: issued.serviceName, peopleAhead: issued.peopleAhead,
                                waitMinutes: issued.estimatedWaitMinutes)
        return await submit(PrintJob(id: Self.jobID(issued.ticket), document: document), number: issued.ticket.number)
    }

    /// Prints a ticket again (a clerk's reprint), with its current position.
    public func reprint(_ status: TicketStatus) async -> PrintReport {
        let document = document(for: status.ticket, serviceName: status.serviceName, peopleAhead: status.peopleAhead,
                                waitMinutes: status.estimatedWaitMinutes)
        return await submit(PrintJob(id: "\(Self.jobID(status.ticket))-reprint-\(Int(Date().timeIntervalSince1970))", document: document),
                            number: status.ticket.number)
    }

    /// Prints a receipt-style slip (e.g. the expected-wait slip before closing) through the same
    /// spooler: kept and retried like a ticket when the printer has a fault.
    public func print(receipt: ReceiptDocument, jobID: String, number: String) async -> PrintReport {
        await submit(PrintJob(id: jobID, document: .receipt(receipt, ReceiptLayout())), number: number)
    }

    private func submit(_ job: PrintJob, number: String) async -> PrintReport {
        do {
            switch try await spooler.submit(job) {
            case .printed:
                return PrintReport(status: .printed, message: "已打印 \(number) 号小票。")
            case .pending(let condition):
                return PrintReport(status: .queued,
                                   message: "小票打印失败（\(condition.label)），请记下您的号码 \(number)。打印机恢复后将自动补打。")
            }
        } catch {
            return PrintReport(status: .failed, message: "小票无法打印（\(error)），请记下您的号码 \(number)。")
        }
    }

    /// The printer's health for /healthz, metrics and the console.
    public func health() async -> DeviceHealth {
        let h = await spooler.health()
        let pending = h.pendingJobIDs.isEmpty ? "" : "，待补打 \(h.pendingJobIDs.count) 张"
        return DeviceHealth(name: "ticket-printer", ok: h.condition.canPrint, condition: h.label + pending)
    }
}
