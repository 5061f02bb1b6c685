import Foundation
import HallCore
import HallDocuments
import Testing

@Suite("Notices render to PDF with extractable Chinese text")
struct NoticeRenderingTests {
    @Test func acceptanceNoticeTextComesBack() throws {
        let scratch = try ScratchDirectory()
        let notice = NoticeFixtures.acceptance
        let pdf = try PDFReadBack(data: notice.renderPDF(), in: scratch, name: "acceptance-notice.pdf")
        let text = try pdf.compactText()

        for expected in [
            "新发镇便民服务中心", "受理通知书", "新便受〔2026〕第0007号", "XF20261125-0007",
            "张三丰", "个体工商户设立登记", "2026年11月25日", "3个工作日", "2026年11月30日前办结",
            "邮寄送达（新发镇幸福村二组12号）", "3号综合受理窗口", "李晓梅", "0477-7552004",
            "个体工商户登记（备案）申请书", "经营者居民身份证", "原件及复印件",
            "经营场所使用证明（房屋租赁合同）", "不收取任何费用", "便民服务中心（盖章）",
            "结果将通过中国邮政EMS寄出",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // The ID number is printed masked, never in full.
        #expect(text.contains("1502**********1234"))
        #expect(!text.contains("150202199003071234"))
        #expect(try pdf.pageCount() == 1)
    }

    @Test func correctionNoticeListsEveryMaterialAndReason() throws {
        let scratch = try ScratchDirectory()
        let notice = NoticeFixtures.correction
        let pdf = try PDFReadBack(data: notice.renderPDF(), in: scratch, name: "correction-notice.pdf")
        let text = try pdf.compactText()

        for expected in [
            "补正告知书", "XF20261125-0008", "城乡居民基本养老保险参保登记", "一次性告知",
            "2026年12月9日前", "2号综合受理窗口", "赵敏", "0477-7552004",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        for item in notice.corrections {
            #expect(text.contains(item.materialName.filter { !$0.isWhitespace }), "missing \(item.materialName)")
            #expect(text.contains(item.reason), "missing reason \(item.reason)")
            #expect(text.contains(item.problem.label))
        }
        #expect(text.contains("尚有以下3项材料需要补正"))
        #expect(try pdf.pageCount() == 1)
    }

    @Test(arguments: [NoticeFixtures.acceptance.statusURL, NoticeFixtures.correction.statusURL])
    func qrCodeDecodesToTheStatusURL(url: String) throws {
        let scratch = try ScratchDirectory()
        let data: Data =
            url == NoticeFixtures.acceptance.statusURL
            ? try NoticeFixtures.acceptance.renderPDF()
            : try NoticeFixtures.correction.renderPDF()
        let pdf = try PDFReadBack(data: data, in: scratch)
        #expect(try pdf.qrPayloads() == [url])
    }

    @Test func writesTheSameDocumentToAFile() throws {
        let scratch = try ScratchDirectory()
        let file = scratch.file("notice.pdf")
        try NoticeFixtures.acceptance.writePDF(to: file)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(try PDFReadBack(file: file).compactText().contains("个体工商户设立登记"))
    }

    @Test func correctionNoticeWithNothingToCorrectIsRefused() {
        var notice = NoticeFixtures.correction
        notice.corrections = []
        #expect(throws: DocumentError.self) { try notice.renderPDF() }
    }

    @Test func applicantDescriptionIsMasked() {
        let applicant = NoticeFixtures.acceptance.applicant
        #expect("\(applicant)" == "张*丰")
        for logged in [
            "\(NoticeFixtures.acceptance)", String(reflecting: NoticeFixtures.acceptance),
            "\(NoticeFixtures.correction)", String(reflecting: NoticeFixtures.correction),
        ] {
            #expect(!logged.contains("张三丰") && !logged.contains("王五"))
            #expect(!logged.contains("150202") && !logged.contains("幸福村"))
        }
    }
}
