import Foundation
import HallCore
import HallDocuments
import HallStore
import HallTransport
import Logging

/// Prints documents handed to residents and staff (appointment confirmations, home-visit plans, the
/// ledger) on the office (A4) printer through CUPS/IPP, following each job; the PDF can always be
/// downloaded instead.
struct OfficeDocumentPrinter: Sendable {
    private let printer: IPPDocumentPrinter?
    private let logger = Logger(label: "halld.office-printer")

    init(_ office: OfficePrinter) {
        printer = office.documentPrinter
    }

    /// Renders and prints `document`; the outcome is reported, never thrown.
    func print(_ document: some PDFDocumentContent) async throws -> NoticePrintReport {
        guard let printer else { return NoticePrintReport(status: .notConfigured, message: "未配置办公打印机，请下载 PDF 后打印。") }
        let pdf = try document.renderPDF()
        do {
            let outcome = try await printer.print(pdf, title: document.documentTitle)
            return NoticePrintReport(status: .printed, jobID: outcome.jobID)
        } catch {
            logger.warning("\(document.documentTitle) not printed: \(error)")
            return NoticePrintReport(status: .failed, message: error.message, jobID: error.jobID)
        }
    }
}
