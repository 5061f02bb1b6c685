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

    /// The slip of `estimate` on a day with `hours`.
    func receipt(_ estimate: WaitEstimate, hours: DayHours?) -> ReceiptDocument {
        var fields = [
            ReceiptDocument.Field("号码", estimate.number), ReceiptDocument.Field("业务", estimate.serviceName),
            ReceiptDocument.Field("前面等候", "\(estimate.peopleAhead) 人"),
            ReceiptDocument.Field("预计等候", estimate.estimatedWaitMinutes > 0 ? "约 \(estimate.estimatedWaitMinutes) 分钟" : "即将叫号"),
            ReceiptDocument.Field("预计叫号", "约 " + LedgerFormat.clock(estimate.expectedCallAt, in: timeZone)),
        ]
        if let closing = hours?.closing { fields.append(ReceiptDocument.Field("今日下班", closing.description)) }
        fields.append(ReceiptDocument.Field("打印时间", LedgerFormat.clock(clock.now(), in: timeZone)))
        var footer: [String] = []
        if estimate.afterClosing {
            footer.append("预计在下班后叫到您，工作人员将继续为您办理（延时服务）。")
        }
        footer += [
            "延时服务不收取任何费用。", "是否继续等候由您自愿选择；如不便等候，", "可告知工作人员留下联系方式，", "办结后告知您结果。",
            "咨询电话：\(center.phone)",
        ]
        return ReceiptDocument(
            title: "等候告知单", subtitleLines: [center.name], fields: fields,
            qrPayload: center.publicURL("/t/?id=\(estimate.ticketID)"), footerLines: footer)
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
