import Foundation
import HallDocuments
import HallTestSupport
import Testing

@Suite("TableReport: the ledger and confirmation document")
struct TableReportTests {
    /// A month of extended-hours ledger entries: long enough for several pages.
    static let ledger: TableReport = {
        let staff = ["李晓梅", "赵敏", "王建国", "刘芳"]
        let rows = (1...60).map { index -> [String] in
            [
                "\(index)", "2026年11月\((index - 1) % 30 + 1)日", staff[index % 4],
                index % 3 == 0 ? "预约服务" : "延时服务", "\(20 + index % 40)分钟", "社保卡挂失补办第\(index)件",
            ]
        }
        let minutes = (1...60).reduce(0) { $0 + 20 + $1 % 40 }
        return TableReport(
            title: "预约延时服务登记台账",
            subtitle: "2026年11月",
            facts: [KeyValueRow("单位", "新发镇便民服务中心"), KeyValueRow("统计期间", "2026年11月1日至2026年11月30日")],
            columns: [
                TableColumn("序号", weight: 0.6, alignment: .center), TableColumn("日期", weight: 1.6),
                TableColumn("工作人员", weight: 1.1), TableColumn("服务类型", weight: 1.1),
                TableColumn("时长", weight: 0.9, alignment: .right), TableColumn("办理事项", weight: 2.6),
            ],
            rows: rows,
            totals: ["", "合计", "", "", "\(minutes)分钟", "60件"],
            notes: ["注：累计时长达到规定标准的，按规定安排调休。"],
            signatures: ["制表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿"],
            seal: SealPlaceholder(organization: "新发镇便民服务中心", date: "2026年11月30日"))
    }()

    @Test func longTableBreaksPagesAndKeepsEveryRow() throws {
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: Self.ledger.renderPDF(), in: scratch, name: "ledger.pdf")
        let pages = try #require(try pdf.pageCount())
        #expect(pages >= 2)
        let text = try pdf.compactText()
        for index in 1...60 {
            #expect(text.contains("社保卡挂失补办第\(index)件"), "row \(index) missing")
        }
        #expect(text.contains("预约延时服务登记台账"))
        #expect(text.contains("合计"))
        #expect(text.contains("新发镇便民服务中心（盖章）"))
        // Every page has its footer with the total, and the header row is repeated.
        for page in 1...pages {
            #expect(text.contains("第\(page)页共\(pages)页"), "footer of page \(page)")
        }
        #expect(text.components(separatedBy: "办理事项").count - 1 == pages)
    }

    @Test func rowWithWrongCellCountIsRefused() {
        var report = Self.ledger
        report.rows.append(["only one cell"])
        #expect(throws: DocumentError.self) { try report.renderPDF() }
    }

    @Test func landscapeGeometryIsUsed() throws {
        let scratch = try ScratchDirectory()
        var report = Self.ledger
        report.pageGeometry = .a4Landscape
        let pdf = try PDFReadBack(data: report.renderPDF(), in: scratch, name: "ledger-landscape.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf.pdf.path]).output
        #expect(info.contains("842 x 595 pts"))
    }
}
