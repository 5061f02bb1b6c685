import Foundation
import HallTestSupport
import Testing

/// hallctl for single-window cases against a live halld whose clock is Wednesday 2026-11-25 09:30
/// Beijing time (libfaketime): catalog and calendar import, a case from the served ticket through
/// correction and acceptance, its scanned pages (SANE's `test` backend inside halld), the routed
/// department's reviewer reading them and deciding, another department refused, and the clerk
/// telling, handing over and closing.
@Suite("hallctl cases and department review against a live halld")
struct HallctlCaseTests {
    static let number = "BM20261125-0001"

    @Test("imports → case open → correction → accepted → scan → list --mine → inbox → decide → notify/deliver/close")
    func caseFromTicketToClosure() async throws {
        let hall = try await Hallctl(at: FakeTime.beijing("2026-11-25", "09:30"))
        defer { hall.close() }
        try hall.addAccounts([
            ("li.na", "李娜", "clerk", nil), ("mz.wang", "王敏", "reviewer", "civil-affairs"),
            ("sw.zhao", "赵强", "reviewer", "tax"),
        ])

        // The administrator imports the catalog and the year's official calendar.
        try hall.signIn("admin", Hallctl.adminPassword)
        let catalog = try hall.ok(["catalog", "import", Hallctl.packageFile("data/catalog/sample-catalog.json")])
        #expect(catalog.hasPrefix("已导入事项清单：15 个事项（"), "\(catalog)")
        let calendar = Hallctl.packageFile("data/calendar/cn-2026.json")
        #expect(try hall.refused(["calendar", "import", calendar]).contains("2026年的节假日安排已存在；如需更新，请选择覆盖导入。"))
        let imported = try hall.json(["calendar", "import", calendar, "--replace"])
        #expect(imported["year"]?.int == 2026 && imported["coveredYears"]?.array?.compactMap(\.int) == [2025, 2026])
        #expect(try hall.refused(["catalog", "import", hall.folder.appendingPathComponent("missing.json").path]).contains("无法读取文件"))

        // The clerk serves C001 at window 2 and opens a case from it.
        try hall.signIn("li.na", Hallctl.password("li.na"))
        let ticket = try #require(try hall.json(["ticket", "take", "民政残联"])["ticket"]?["id"]?.int)
        try hall.ok(["call", "next", "--window", "2"])
        try hall.ok(["call", "start", "--window", "2"])
        let opened = try hall.ok([
            "case", "open", "--item", "senior-allowance", "--name", "王秀英", "--id-number", "150626198503121230",
            "--phone", "13904771234", "--ticket", String(ticket), "--window", "2",
        ])
        // People are named by display name (李娜), not by user name.
        #expect(opened == "已开立案件 #1  预审中  高龄津贴申请  申请人 王*英  经办 李娜\n")

        let correction = try hall.ok([
            "case", "review", "1", "--received", "id-card,application,photo", "--missing", "household-register",
            "--defective", "bank-card:银行卡户名与申请人不一致",
        ])
        #expect(correction.hasPrefix("材料需补正（共 2 项），补正期限 2026-12-02\n  1. 居民户口簿：未提交"), "\(correction)")
        #expect(correction.contains("  2. 银行卡（折）：银行卡户名与申请人不一致"), "\(correction)")
        #expect(try hall.ok(["case", "show", "1"]).contains("待补正"))

        let accepted = try hall.json(["case", "review", "1", "--received", "id-card,household-register,application,photo,bank-card"])
        #expect(accepted["outcome"]?.string == "accepted" && accepted["case"]?["number"]?.string == Self.number)
        #expect(accepted["case"]?["promisedDay"]?.string == "2026-11-30")
        let mine = try hall.ok(["case", "list", "--mine"])
        #expect(mine.hasPrefix("\(Self.number)  部门审批中  高龄津贴申请  申请人 王*英  经办 李娜  承诺办结 2026-11-30"), "\(mine)")
        #expect(try hall.json(["case", "list", "--mine"]).array?.compactMap { $0["number"]?.string } == [Self.number])

        let scanned = try hall.ok(["scan", "--case", Self.number, "--material", "id-card"])
        #expect(scanned.hasPrefix("已采集 1 页（2号窗口）\n居民身份证 第1页"), "\(scanned)")

        // Another department's reviewer: nothing in the inbox, the pages and the decision refused.
        try hall.signIn("sw.zhao", Hallctl.password("sw.zhao"))
        #expect(try hall.ok(["case", "inbox"]) == "没有分送到本部门的案件。\n")
        let notRouted = try hall.refused(["scan", "list", "--case", Self.number])
        #expect(notRouted.contains("案件\(Self.number)未分送“乌兰陶勒盖税务分局”审核，本部门无权查看。"), "\(notRouted)")
        let notTheirs = try hall.refused(["case", "decide", Self.number, "--approve"])
        #expect(notTheirs.contains("部门“乌兰陶勒盖税务分局”不是案件\(Self.number)的审批部门。"), "\(notTheirs)")

        // The civil-affairs reviewer reads the scanned page and approves.
        try hall.signIn("mz.wang", Hallctl.password("mz.wang"))
        let inbox = try hall.ok(["case", "inbox"])
        #expect(inbox == "\(Self.number)  部门审批中  高龄津贴申请  申请人 王秀英  本部门 待审批  承诺办结 2026-11-30  剩 3 个工作日\n", "\(inbox)")
        #expect(try hall.json(["case", "inbox"]).array?.first?["applicant"]?["phone"]?.string == "139****1234")
        #expect(try hall.ok(["scan", "list", "--case", Self.number]).hasPrefix("办件 \(Self.number)：共 1 页\n居民身份证（id-card）：1 页"))
        let pdf = hall.folder.appendingPathComponent("review.pdf")
        #expect(try hall.ok(["scan", "export", "--case", Self.number, "-o", pdf.path]).hasPrefix("已导出 \(pdf.path)"))
        let info = try ExternalTool.run("pdfinfo", [pdf.path]).output
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
        #expect(try hall.refused(["scan", "--case", Self.number, "--material", "photo"]).contains("无权"), "a reviewer does not scan")
        #expect(try hall.ok(["case", "decide", Self.number, "--approve"]).hasPrefix("\(Self.number)  已出结果"))

        // The clerk tells the applicant, hands the result over and closes the case.
        try hall.signIn("li.na", Hallctl.password("li.na"))
        #expect(try hall.ok(["case", "notify", Self.number]).hasPrefix("\(Self.number)  已告知"))
        #expect(try hall.ok(["case", "deliver", Self.number]).hasPrefix("\(Self.number)  已出件"))
        let closed = try hall.json(["case", "close", Self.number])
        #expect(closed["state"]?.string == "closed")
        let detail = try hall.ok(["case", "show", Self.number])
        #expect(
            detail.contains("已办结") && detail.contains("镇民政办公室：通过") && detail.contains("办理结果：准予")
                && detail.contains("correction-1") && detail.contains("acceptance-1"), "\(detail)")
        #expect(detail.contains("经办 李娜") && detail.contains("通过（王敏）") && !detail.contains("mz.wang") && !detail.contains("li.na"), "\(detail)")
        #expect(try hall.ok(["case", "list", "--mine"]) == "没有案件。\n")
    }
}
