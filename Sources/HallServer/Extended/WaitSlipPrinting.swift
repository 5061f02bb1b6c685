import Foundation
import HallCore
import HallPrinter

/// The expected-wait slip (等候告知单) a resident may ask for before closing, printed on the
/// kiosk's ticket printer through its spooler. Ticket number, service and times only.
struct WaitSlipPrinting: Sendable {
    let printing: TicketPrinting?
    let center: HallConfiguration.Center
    let timeZone: TimeZone
    let clock: any HallClock
    /// The hall's resident wording: a bilingual hall's slips carry the fixed lines' twins.
    var wording: ResidentWording? = nil

    /// The slip of `estimate` on a day with `hours`.
    func receipt(_ estimate: WaitEstimate, hours: DayHours?) -> ReceiptDocument {
        var t = ReceiptWording(wording: wording, centerName: center.name, mongolianName: center.mongolianName)
        var fields = [
            t.field("slip.number", estimate.number),
            t.field("slip.service", estimate.serviceName, twinValue: printing?.secondScriptServiceName(estimate.serviceID)),
            t.field("slip.peopleAhead", fixedValue: "slip.value.people", ["count": "\(estimate.peopleAhead)"]),
            estimate.estimatedWaitMinutes > 0
                ? t.field("slip.estimatedWait", fixedValue: "slip.value.aboutMinutes", ["minutes": "\(estimate.estimatedWaitMinutes)"])
                : t.field("slip.estimatedWait", fixedValue: "slip.value.soon"),
            t.field("slip.expectedCall", fixedValue: "slip.value.aboutTime", ["time": LedgerFormat.clock(estimate.expectedCallAt, in: timeZone)]),
        ]
        if let closing = hours?.closing { fields.append(t.field("slip.closing", closing.description)) }
        fields.append(t.field("slip.printedAt", LedgerFormat.clock(clock.now(), in: timeZone)))
        var footer: [String] = []
        if estimate.afterClosing { footer.append(t.line("slip.afterClosing")) }
        footer += [
            t.line("slip.free"), t.line("slip.voluntary"), t.line("slip.contact"), t.line("slip.result"),
            t.line("slip.phone", ["phone": center.phone]),
        ]
        let title = t.line("slip.title")
        return ReceiptDocument(
            title: title, subtitleLines: [center.name], fields: fields,
            qrPayload: center.publicURL("/t/?id=\(estimate.ticketID)"), footerLines: footer, secondScript: t.secondScript)
    }

    /// Prints the slip; without a ticket printer says so.
    func print(_ estimate: WaitEstimate, hours: DayHours?) async -> PrintReport {
        guard let printing else {
            return PrintReport(status: .disabled, message: "本大厅未配置取号打印机，请口头告知预计等候时间。")
        }
        let job = "wait-slip-\(estimate.ticketID)-\(Int(clock.now().timeIntervalSince1970))"
        return await printing.print(receipt: receipt(estimate, hours: hours), jobID: job, number: estimate.number)
    }
}
