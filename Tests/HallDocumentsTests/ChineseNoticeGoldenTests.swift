import Foundation
import HallDocuments
import HallTestSupport
import Testing

/// A Chinese-only hall's notices read exactly as before the documents became bilingual: the text
/// `pdftotext -layout` extracts (spacing and line breaks count) equals a recording.
///
/// The recordings (Fixtures/notice-zh-*.txt) were made from the code before the notices' wording
/// came from the catalogs: the same fixtures rendered by NoticeFitTests with
/// `HALL_DOCUMENT_PREVIEW_DIR` set, then `pdftotext -layout -enc UTF-8 <name>.pdf`.
@Suite("Chinese-only notices unchanged")
struct ChineseNoticeGoldenTests {
    static var overlong: AcceptanceNotice {
        var notice = NoticeFixtures.longAcceptance
        notice.materials = (1...40).map { ReceivedMaterial(name: "材料\($0)", form: .original) }
        return notice
    }

    static let documents: [String: any PDFDocumentContent] = [
        "acceptance-short": NoticeFixtures.acceptance, "acceptance-long": NoticeFixtures.longAcceptance,
        "acceptance-overlong": overlong, "correction-short": NoticeFixtures.correction,
        "correction-long": NoticeFixtures.longCorrection,
    ]

    @Test("pdftotext -layout of each notice equals its recording", arguments: documents.keys.sorted())
    func textUnchanged(name: String) throws {
        let document = try #require(Self.documents[name])
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("\(name).pdf")
        try document.renderPDF().write(to: pdf)
        let result = try ExternalTool.run("pdftotext", ["-layout", "-enc", "UTF-8", pdf.path, "-"])
        #expect(result.status == 0)
        let recorded = try String(contentsOf: PackagePaths.url("Tests/HallDocumentsTests/Fixtures/notice-zh-\(name).txt"), encoding: .utf8)
        #expect(result.output == recorded)
    }
}
