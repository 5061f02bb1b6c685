import Foundation
import HallTestSupport
import Testing

/// `hallctl scan` against a live `halld` process: the demo hall's scanners are SANE's `test`
/// backend (no camera on this machine), driven through libsane inside halld.
@Suite("hallctl scan against a live halld")
struct HallctlScanTests {
    @Test("login → case open → scan → scan --source adf --pages 2 → scan list → scan export → the PDF has 3 pages")
    func scanFromTheCommandLine() async throws {
        let hall = try await Hallctl()
        defer { hall.close() }
        try hall.signIn("admin", Hallctl.adminPassword)
        try hall.ok(["account", "add", "li.na", "--name", "李娜", "--roles", "clerk"], input: "clerk-pass-2026\n")
        try hall.signIn("li.na", "clerk-pass-2026")
        let opened = try hall.json([
            "case", "open", "--item", "senior-allowance", "--name", "王秀英", "--id-number", "150626198503121230",
            "--phone", "13904771234", "--window", "2",
        ])
        let id = try #require(opened["id"]?.int)

        let first = try hall.ok(["scan", "--case", String(id), "--material", "id-card"])
        #expect(first.contains("已采集 1 页（2号窗口）") && first.contains("居民身份证 第1页"), "\(first)")
        let fed = try hall.json(["scan", "--case", String(id), "--material", "application", "--source", "adf", "--pages", "2"])
        #expect(fed["captures"]?.array?.compactMap { $0["page"]?.int } == [1, 2])

        let list = try hall.ok(["scan", "list", "--case", String(id)])
        #expect(list.contains("共 3 页") && list.contains("（application）：2 页") && list.contains("未采集（必需）"), "\(list)")

        let pdf = hall.folder.appendingPathComponent("case.pdf")
        #expect(try hall.ok(["scan", "export", "--case", String(id), "-o", pdf.path]).contains("已导出"))
        let text = try ExternalTool.run("pdfinfo", [pdf.path]).output
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 3") }, "\(text)")

        // A clear Chinese error, and a non-zero exit, for a material not on the checklist.
        let refused = try hall.refused(["scan", "--case", String(id), "--material", "passport"])
        #expect(refused.contains("不在事项“高龄津贴申请”的材料清单中"), "\(refused)")
    }
}
