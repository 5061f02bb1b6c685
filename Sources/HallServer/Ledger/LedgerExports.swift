import Foundation
import HallCore
import HallDocuments
import HallTransport

/// The month's ledger as CSV (UTF-8 with BOM) and as an A4 PDF, and printing that PDF on the
/// office printer (the one acceptance notices go to).
struct LedgerExports: Sendable {
    let center: HallConfiguration.Center
    let office: OfficeDocumentPrinter
    let timeZone: TimeZone
    let clock: any HallClock

    init(center: HallConfiguration.Center, officePrinter: OfficePrinter, timeZone: TimeZone, clock: any HallClock) {
        self.center = center
        office = OfficeDocumentPrinter(officePrinter)
        self.timeZone = timeZone
        self.clock = clock
    }

    func csv(_ view: LedgerMonthView) -> Data {
        Data(LedgerCSV.render(view, centerName: center.name, timeZone: timeZone).utf8)
    }

    func pdf(_ view: LedgerMonthView) throws -> Data {
        try report(view).renderPDF()
    }

    private func report(_ view: LedgerMonthView) -> TableReport {
        LedgerMonthReport.make(
            view, center: ServiceCenterInfo(name: center.name, phone: center.phone), timeZone: timeZone,
            printedOn: LocalDay(clock.now(), in: timeZone))
    }

    /// Prints the month's PDF on the office printer and follows the job.
    func print(_ view: LedgerMonthView) async throws -> NoticePrintReport {
        try await office.print(report(view))
    }
}
