import Foundation
import HallDocuments
import HallTestSupport
import HallTransport
import Testing

/// A notice rendered by HallDocuments, printed through libcups to a real IPP printer
/// (ippeveprinter) and read back from the printer's spool.
@Suite("Notices printed through CUPS", .timeLimit(.minutes(2)))
struct NoticePrintingTests {
    static let settings = PrintSettings(
        connectTimeout: .seconds(3), requestTimeout: .seconds(10),
        jobTimeout: .seconds(60), pollInterval: .milliseconds(200))

    @Test func correctionNoticeIsPrintedAndReadBackFromTheSpool() async throws {
        let ipp = try CupsTestPrinter(formats: ["application/pdf", "application/octet-stream"])
        defer { ipp.stop() }
        let notice = NoticeFixtures.correction
        let pdf = try notice.renderPDF()
        let printer = IPPDocumentPrinter(destination: .ippURI(ipp.uri), settings: Self.settings)

        let outcome = try await printer.print(pdf, title: notice.documentTitle)

        #expect(outcome.state == .completed)
        let files = ipp.spooledFiles()
        try #require(files.count == 1)
        #expect(try Data(contentsOf: files[0]) == pdf)
        let text = try PDFReadBack(file: files[0]).compactText()
        #expect(text.contains("补正告知书"))
        #expect(text.contains("城乡居民基本养老保险参保登记"))
        for item in notice.corrections {
            #expect(text.contains(item.reason))
        }
    }

    @Test func acceptanceNoticeIsPrintedWithItsJobFollowedToCompletion() async throws {
        let ipp = try CupsTestPrinter(formats: ["application/pdf"])
        defer { ipp.stop() }
        let pdf = try NoticeFixtures.acceptance.renderPDF()
        let printer = IPPDocumentPrinter(destination: PrintDestination(configured: ipp.uri), settings: Self.settings)

        let outcome = try await printer.print(pdf, title: NoticeFixtures.acceptance.documentTitle)

        #expect(outcome.state == .completed)
        #expect(outcome.reasons.contains("job-completed-successfully") || outcome.reasons == ["none"])
        let file = try #require(ipp.spooledFiles().first)
        let text = try PDFReadBack(file: file).compactText()
        #expect(text.contains("受理通知书"))
        #expect(text.contains("XF20261125-0007"))
        #expect(text.contains("个体工商户设立登记"))
    }
}

/// A bilingual notice through CUPS: the Mongolian comes back from the printer's spool as text.
@Suite("Bilingual notices printed through CUPS", .timeLimit(.minutes(2)))
struct BilingualNoticePrintingTests {
    @Test func bilingualAcceptanceNoticeIsPrintedWithItsMongolianText() async throws {
        let ipp = try CupsTestPrinter(formats: ["application/pdf"])
        defer { ipp.stop() }
        let notice = try BilingualNoticeTests.document("acceptance-short")
        let pdf = try notice.renderPDF()
        let printer = IPPDocumentPrinter(destination: .ippURI(ipp.uri), settings: NoticePrintingTests.settings)

        let outcome = try await printer.print(pdf, title: notice.documentTitle)

        #expect(outcome.state == .completed)
        let file = try #require(ipp.spooledFiles().first)
        #expect(try Data(contentsOf: file) == pdf)
        let result = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
        let text = BilingualText.letters(result.output)
        let title = try #require(try BilingualNoticeTests.catalog(.mn).entries["doc.acceptance.title"]?.text)
        let mongolianTitle = try #require(text.range(of: BilingualText.letters(title)))
        let chineseTitle = try #require(text.range(of: "受理通知书"))
        #expect(mongolianTitle.lowerBound < chineseTitle.lowerBound)
        #expect(text.contains("个体工商户设立登记"))
    }
}
