import Foundation
import HallCore
import HallDocuments
import Testing

/// A notice is handed over as one A4 sheet: its QR code, its link and the seal on page 1, no
/// wrapped date blanks, no material form broken in its column.
@Suite("Notices fit one A4 sheet")
struct NoticeFitTests {
    @Test(arguments: ["short", "long"])
    func acceptanceNoticeIsOneSheet(variant: String) throws {
        let notice = variant == "long" ? NoticeFixtures.longAcceptance : NoticeFixtures.acceptance
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: notice.renderPDF(), in: scratch, name: "acceptance-\(variant).pdf")
        #expect(try pdf.pageCount() == 1)
        // The long one fits only because it is set a little smaller (at full size it spills).
        let scale = try notice.fittingScale()
        #expect(variant == "long" ? scale < 1 : scale == 1, "scale \(scale)")
        let lines = try pdf.lines(page: 1)
        let page = lines.joined()
        for expected in [notice.statusURL, "扫码查询办理进度", "\(notice.center.name)（盖章）", notice.acceptedOn.chineseText] {
            #expect(page.contains(expected), "page 1 lacks \(expected)")
        }
        #expect(lines.contains { $0.contains("日期：＿＿＿＿年＿＿月＿＿日") }, "the date blanks wrapped")
        #expect(lines.contains { $0.contains("经办人：\(notice.clerk)") })
        let forms = Set(notice.materials.map(\.form.label))
        for form in forms {
            #expect(lines.contains { $0.contains(form) }, "\(form) wrapped in its column")
        }
        #expect(try pdf.qrPayloads() == [notice.statusURL])
    }

    @Test(arguments: ["short", "long"])
    func correctionNoticeIsOneSheet(variant: String) throws {
        let notice = variant == "long" ? NoticeFixtures.longCorrection : NoticeFixtures.correction
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: notice.renderPDF(), in: scratch, name: "correction-\(variant).pdf")
        #expect(try pdf.pageCount() == 1)
        let lines = try pdf.lines(page: 1)
        let page = lines.joined()
        for expected in [notice.statusURL, "\(notice.center.name)（盖章）", notice.correctionDeadline.chineseText] {
            #expect(page.contains(expected), "page 1 lacks \(expected)")
        }
        #expect(lines.contains { $0.contains("日期：＿＿＿＿年＿＿月＿＿日") }, "the date blanks wrapped")
        #expect(lines.contains { $0.contains("请于\(notice.correctionDeadline.chineseText)前") })
        #expect(try pdf.qrPayloads() == [notice.statusURL])
    }

    @Test("a notice too long for one sheet still spills rather than shrinking without end")
    func overlongNoticeSpills() throws {
        var notice = NoticeFixtures.longAcceptance
        notice.materials = (1...40).map { ReceivedMaterial(name: "材料\($0)", form: .original) }
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: notice.renderPDF(), in: scratch, name: "acceptance-overlong.pdf")
        #expect(try notice.fittingScale() == PageFit.scales.last)
        let pages = try #require(try pdf.pageCount())
        #expect(pages >= 2)
        let last = try pdf.lines(page: pages).joined()
        #expect(last.contains("（盖章）") && last.contains(notice.statusURL), "QR and seal travel together")
    }
}
