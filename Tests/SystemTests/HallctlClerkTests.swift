import Foundation
import HallTestSupport
import Testing

/// hallctl with what a clerk has in hand, against a live halld (Wednesday 2026-11-25 10:00 Beijing
/// time): ticket numbers instead of ids, the catalog's item and material ids, a case's notice saved
/// to a file, and refusals in Chinese that say what to do next, without ArgumentParser's "Error:".
@Suite("hallctl takes what a clerk has")
struct HallctlClerkTests {
    @Test("ticket numbers, catalog ids, case notice --out, Chinese refusals with the next step")
    func clerkCommands() async throws {
        let hall = try await Hallctl(at: FakeTime.beijing("2026-11-25", "10:00"))
        defer { hall.close() }
        try hall.addAccounts([("li.na", "李娜", "clerk", nil)])
        try hall.signIn("li.na", Hallctl.password("li.na"))

        // An unknown service lists the services there are; no English prefix.
        let unknown = try hall.refused(["ticket", "take", "户籍"])
        #expect(unknown.contains("没有名为“户籍”的业务") && unknown.contains("可选业务：") && unknown.contains("民政残联"), "\(unknown)")
        #expect(!unknown.contains("Error:"), "\(unknown)")

        #expect(try hall.ok(["ticket", "take", "民政残联"]).contains("C001"))
        try hall.ok(["call", "next", "--window", "2"])
        // 办结 a called ticket: the refusal says to start first.
        let finish = try hall.refused(["call", "finish", "--window", "2"])
        #expect(finish.contains("不能办结") && finish.contains("请先开始办理") && !finish.contains("Error:"), "\(finish)")
        try hall.ok(["call", "start", "--window", "2"])

        // The catalog with its ids, and one item's materials with theirs.
        let items = try hall.ok(["catalog", "list"])
        #expect(items.contains("senior-allowance  高龄津贴申请"), "\(items)")
        let materials = try hall.ok(["catalog", "list", "senior-allowance"])
        #expect(materials.contains("  id-card  居民身份证") && materials.contains("  household-register  居民户口簿"), "\(materials)")
        let missing = try hall.refused(["catalog", "list", "no-such-item"])
        #expect(missing.contains("hallctl catalog list") && !missing.contains("Error:"), "\(missing)")

        // A case from the ticket by its number; its acceptance notice saved where the clerk says.
        let opened = try hall.json([
            "case", "open", "--item", "senior-allowance", "--name", "王秀英", "--id-number", "150626198503121230",
            "--phone", "13904771234", "--ticket", "C001", "--window", "2",
        ])
        let ticket = try hall.json(["ticket", "show", "C001"])
        #expect(opened["ticketID"]?.int != nil && opened["ticketID"]?.int == ticket["ticket"]?["id"]?.int)
        try hall.ok(["case", "review", "1", "--received", "id-card,household-register,application,photo,bank-card"])
        let pdf = hall.folder.appendingPathComponent("notice.pdf")
        #expect(try hall.ok(["case", "notice", "1", "acceptance", "--out", pdf.path]).hasPrefix("已保存受理通知书到 \(pdf.path)"))
        let info = try ExternalTool.run("pdfinfo", [pdf.path]).output
        #expect(info.contains("Pages:"), "\(info)")
        let wrongKind = try hall.refused(["case", "notice", "1", "receipt", "--out", pdf.path])
        #expect(wrongKind.contains("acceptance（受理通知书）") && !wrongKind.contains("Error:"), "\(wrongKind)")

        // A check-in by something that is neither a code nor an id says what to use.
        let checkIn = try hall.refused(["appointment", "check-in", "12ab"])
        #expect(checkIn.contains("不是预约码（6 位数字）") && !checkIn.contains("Error:"), "\(checkIn)")
        let unknownCode = try hall.refused(["appointment", "check-in", "123456"])
        #expect(!unknownCode.contains("Error:"), "\(unknownCode)")
    }
}
