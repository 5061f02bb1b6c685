import Foundation
import HallCore
import HallDocuments
import HallTransport
import Logging

/// The month's ledger as CSV (UTF-8 with BOM) and as an A4 PDF, and printing that PDF on the
/// office printer (the one acceptance notices go to).
struct LedgerExports: Sendable {
    let center: HallConfiguration.Center
    let officePrinter: OfficePrinter
    let timeZone: TimeZone
    let clock: any HallClock
    private let logger = Logger(label: "halld.ledger")

    init(center: HallConfiguration.Center, officePrinter: OfficePrinter, timeZone: TimeZone, clock: any HallClock) {
        self.center = center
        self.officePrinter = officePrinter
        self.timeZone = timeZone
        self.clock = clock
    }

    func csv(_ view: LedgerMonthView) -> Data {
        Data(LedgerCSV.render(view, centerName: center.name, timeZone: timeZone).utf8)
    }

    func pdf(_ view: LedgerMonthView) throws -> Data {
        let report = LedgerMonthReport.make(view, center: ServiceCenterInfo(name: center.name, phone: center.phone),
                                            timeZone: timeZone, printedOn: LocalDay(clock.now(), in: timeZone))
        return try report.renderPDF()
    }

    /// Prints the month's PDF on the office printer and follows the job.
    func print(_ view: LedgerMonthView) async throws -> NoticePrintReport {
        let destination = officePrinter.destination.trimmingCharacters(in: .whitespaces)
        guard !destination.isEmpty else {
            return NoticePrintReport(status: .notConfigured, message: "未配置办公打印机（officePrinter.destination），请下载 PDF 后打印。")
        }
        let data = try pdf(view)
        let printer = IPPDocumentPrinter(destination: PrintDestination(configured: destination),
                                         settings: PrintSettings(jobTimeout: .seconds(max(1, officePrinter.jobTimeoutSeconds))))
        do {
            let outcome = try await printer.print(data, title: "预约延时服务登记台账 \(view.month.label)")
            return NoticePrintReport(status: .printed, jobID: outcome.jobID)
        } catch {
            logger.warning("ledger \(view.month) not printed: \(error)")
            return NoticePrintReport(status: .failed, message: error.message, jobID: error.jobID)
        }
    }
}
