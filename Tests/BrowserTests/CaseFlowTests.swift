import Foundation
import HallCore
import HallServer
import HallTestSupport
import Testing

/// Single-window intake in real headless Chromium, with a real IPP printer (`ippeveprinter`) as
/// the office printer: every notice the console prints is read back from the printer's spool.
@Suite("Case intake pages in headless Chromium", .serialized)
struct CaseFlowTests {
    static let number = "BM20260310-0001"

    /// 10:00 Beijing time on `day`.
    static func morning(_ day: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!)
    }

    @Test(
        """
        a clerk opens a case from the served ticket → correction notice printed → acceptance printed, a failed print \
        retried → the reviewer approves, another department is refused → the head sees it overdue → the result is \
        told, handed over and the case closed
        """)
    func caseFlow() async throws {
        let printer = try CupsTestPrinter()
        defer { printer.stop() }
        // 2026-03-10 is a Tuesday; no holiday until 清明 (4-4…4-6).
        let clock = ManualClock(Self.morning("2026-03-10"))
        let hall = try await BrowserHarness(clock: clock) {
            $0.officePrinter = OfficePrinter(destination: printer.uri, jobTimeoutSeconds: 30)
            $0.dataDirectory = BrowserHarness.dataDirectory
        }
        do {
            try await Self.intake(hall, printer)
            try await Self.review(hall)
            clock.set(Self.morning("2026-03-20"))  // the promised day 3-19 has passed
            try await Self.oversightAndClosure(hall)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    /// Console: ticket → case → correction → acceptance, each notice read back from the printer.
    static func intake(_ hall: BrowserHarness, _ printer: CupsTestPrinter) async throws {
        try await hall.createAccount("li.na", roles: [.clerk], displayName: "李娜")
        try await hall.createAccount("mz.wang", roles: [.reviewer], displayName: "王敏", department: "civil-affairs")
        try await hall.createAccount("sw.zhao", roles: [.reviewer], displayName: "赵强", department: "tax")
        try await hall.createAccount("zhuren", roles: [.head], displayName: "张主任")
        let issued = try await hall.api("POST", "/api/tickets", ["service": "civil-affairs"], token: BrowserHarness.kioskToken)
        let ticketID = try #require((issued["ticket"] as? [String: Any])?["id"] as? Int)
        let b = hall.browser

        try await b.open(hall.url("/console/"))
        try await hall.signInOnPage("li.na")
        try await b.waitVisible("#work-view")
        try await b.script("const s = document.getElementById('window-select'); s.value = '2'; s.dispatchEvent(new Event('change'));")
        try await b.waitUntil(
            "C001 waiting at window 2",
            "const c = document.querySelector('[data-waiting=\"civil-affairs\"]'); return !!c && c.textContent === '1';")
        try await b.tap("#call-next")
        try await b.waitUntil("C001 called", "return document.getElementById('current-number').textContent === 'C001';")
        try await b.tap("#start")
        try await b.waitUntil("C001 being served", "return document.getElementById('current-detail').textContent.includes('办理中');")

        // Open a case from the ticket being served: ticket and window carried over.
        try await b.tap("#console-tabs button[data-view=cases]")
        try await b.waitVisible("#cases-view")
        try await b.waitUntil("the ticket offered to the case", "return !document.getElementById('case-from-ticket').disabled;")
        #expect(try await b.text("#case-ticket") == "C001")
        try await b.tap("#case-from-ticket")
        try await b.waitVisible("#case-open-form")
        #expect(try await b.text("#case-source") == "来自号码 C001 · 2号窗口")
        try await b.waitUntil("the catalog", "return document.querySelectorAll('#case-item option').length === 16;")
        try await b.script(
            """
            const s = document.getElementById('case-item'); s.value = 'disability-two-subsidies'; s.dispatchEvent(new Event('change'));
            """)
        #expect(try await b.text("#case-item-info").contains("镇民政办公室、镇残疾人联合会"))
        try await b.type("#case-name", "张三丰")
        try await b.type("#case-id-number", "150626198503121231")
        try await b.type("#case-phone", "13904771234")
        try await b.tap("#case-open-submit")
        // The server's GB 11643 check, shown under the field.
        let checksum = try await b.waitVisible("#case-id-number-error")
        #expect(checksum == "居民身份证号码校验码不正确，请核对每一位数字。")
        #expect(try await b.script("return document.getElementById('case-id-number').classList.contains('invalid')") as? Bool == true)
        try await hall.screenshot("10-case-id-checksum")
        try await b.type("#case-id-number", "150626198503121230")
        try await b.tap("#case-open-submit")
        try await b.waitVisible("#case-detail")
        #expect(try await b.text("#case-title") == "预审第1号")
        #expect(try await b.text("#case-state") == "预审中")
        let facts = try await b.text("#case-detail .facts")
        #expect(facts.contains("李娜") && !facts.contains("li.na"), "经办人 by display name: \(facts)")
        let clerk = try await hall.signIn("li.na")
        let opened = try await hall.api("GET", "/api/cases/1", token: clerk)["case"] as? [String: Any]
        #expect(opened?["ticketID"] as? Int == ticketID && opened?["window"] as? Int == 2 && opened?["owner"] as? String == "li.na")
        #expect(opened?["stateLabel"] as? String == "预审中", "the console shows the API's label (CaseState), keeping no list of its own")
        try await b.waitUntil("the case in my list", "return !!document.querySelector('[data-case-row=\"1\"]');")

        // Pre-review: one missing, one defective → the correction notice, every problem at once.
        for material in ["id-card", "application", "photo", "bank-card"] {
            try await b.tap("button[data-material=\(material)][data-mark=received]")
        }
        try await b.tap("button[data-material=household-register][data-mark=missing]")
        try await b.tap("button[data-material=disability-card][data-mark=defective]")
        try await b.type("#reason-disability-card", "残疾人证已过有效期")
        #expect(
            try await b.script("return document.querySelectorAll('#case-detail .captures[data-case=\"1\"]').length") as? Int == 6,
            "every checklist row carries the scanner's mount point")
        try await hall.screenshot("11-case-checklist")
        try await b.tap("#case-submit-review")
        let outcome = try await b.waitVisible("#case-outcome")
        #expect(outcome.contains("材料需补正") && outcome.contains("共 2 项"))
        #expect(try await b.text("#case-correction-deadline") == "2026-03-17")  // 5 working days
        try await b.waitUntil(
            "the correction notice printed",
            "return document.querySelector('[data-notice=correction] [data-print-status]').textContent === '已打印';")
        try await hall.screenshot("12-case-correction-printed")
        let correction = try #require(printer.spooledFiles().first)
        #expect(printer.spooledFiles().count == 1)
        let correctionText = try pdfText(file: correction)
        for expected in ["补正告知书", "张三丰", "残疾人两项补贴申请", "居民户口簿", "残疾人证已过有效期", "2026年3月17日", "2号", "经办人：李娜"] {
            #expect(correctionText.contains(expected), "printed correction notice lacks \(expected)")
        }
        #expect(!correctionText.contains("li.na"), "the clerk is named by display name")

        // Resubmission, complete → accepted, number and promised day; the acceptance notice printed.
        try await b.tap("#mark-all-received")
        try await b.tap("#case-submit-review")
        try await b.waitUntil("the acceptance", "return (document.getElementById('case-outcome') || {}).textContent.includes('已受理');")
        #expect(try await b.text("#case-number") == number)
        #expect(try await b.text("#case-promised") == "2026-03-19")  // complex item: 7 working days
        let accepted = try await b.text("#case-outcome")
        #expect(accepted.contains("（7 个工作日）") && accepted.contains("镇民政办公室、镇残疾人联合会"))
        try await b.waitUntil(
            "the acceptance notice printed",
            "return document.querySelector('[data-notice=acceptance] [data-print-status]').textContent === '已打印';")
        try await hall.screenshot("13-case-accepted")
        let acceptance = try #require(printer.spooledFiles().first { $0 != correction })
        let acceptanceText = try pdfText(file: acceptance)
        for expected in ["受理通知书", number, "残疾人两项补贴申请", "2026年3月19日", "7个工作日", "经办人：李娜"] {
            #expect(acceptanceText.contains(expected), "printed acceptance notice lacks \(expected)")
        }

        // The printer goes away: the reprint fails visibly and is retried once it is back.
        let port = printer.port
        printer.stop()
        try await b.tap("[data-reprint=acceptance]")
        let failure = try await b.waitVisible("[data-print-error=acceptance]", timeout: .seconds(60))
        #expect(failure.contains("打印失败"))
        #expect(try await b.text("[data-reprint=acceptance]") == "重试打印")
        try await hall.screenshot("14-case-print-failed")
        let back = try CupsTestPrinter(port: port)
        defer { back.stop() }
        try await b.tap("[data-reprint=acceptance]")
        try await b.waitUntil(
            "the retried print", timeout: .seconds(60),
            "return document.querySelector('[data-notice=acceptance] [data-print-status]').textContent === '已打印';")
        #expect(try await b.script("return document.querySelector('[data-print-error]') === null") as? Bool == true)
        let retried = try #require(back.spooledFiles().first)
        #expect(try pdfText(file: retried).contains(number))
        try await b.tap("#logout")
        try await b.waitVisible("#login-form")
    }

    /// Review page: the civil-affairs reviewer approves; the tax reviewer is refused the case.
    static func review(_ hall: BrowserHarness) async throws {
        let b = hall.browser
        try await b.open(hall.url("/review/"))
        try await hall.signInOnPage("mz.wang")
        try await b.waitVisible("#review-view")
        #expect(try await b.text("#department-name") == "镇民政办公室")
        try await b.waitUntil("the routed case", "return !!document.querySelector('#inbox tr[data-case=\"\(number)\"]');")
        try await b.tap("#inbox tr[data-case=\"\(number)\"]")
        try await b.waitVisible("#decision-form")
        let detail = try await b.text("#detail")
        #expect(detail.contains("张三丰") && detail.contains("150626198503121230"), "the reviewer sees whom to check")
        #expect(detail.contains("139****1234") && !detail.contains("13904771234"), "the phone stays with the window")
        #expect(detail.contains("镇残疾人联合会") && detail.contains("居民户口簿"))
        try await hall.screenshot("15-review-case")
        try await b.tap("#decision-form button[data-decision=approved]")
        try await b.tap("#submit-decision")
        let answered = try await b.waitVisible("#answered")
        #expect(answered.contains("镇民政办公室：通过"))
        try await b.waitUntil(
            "the inbox row answered",
            "return document.querySelector('#inbox tr[data-case=\"\(number)\"]').classList.contains('answered');")
        try await hall.screenshot("16-review-approved")
        try await b.tap("#logout")
        try await b.waitVisible("#login-form")

        // A reviewer of another department, following a link to the case: refused, with the reason.
        try await b.open(hall.url("/review/?case=\(number)"))
        try await hall.signInOnPage("sw.zhao")
        let refusal = try await b.waitVisible("#error")
        #expect(refusal == "案件\(number)未分送“乌兰陶勒盖税务分局”审核，本部门无权查看。")
        #expect(try await b.text("#inbox") == "暂无分送本部门的案件")
        try await hall.screenshot("17-review-other-department-refused")
        let tax = try await hall.signIn("sw.zhao")
        let (status, body) = try await hall.send(
            "POST", "/api/cases/\(number)/reviews",
            ["department": "disabled-persons-federation", "decision": "approved"], token: tax)
        #expect(status == 403 && String(decoding: body, as: UTF8.self).contains("other_department"))
        try await b.tap("#logout")
        try await b.waitVisible("#login-form")  // signed out before leaving the page
    }

    /// Admin board: the head sees the case overdue; the head reviews for the federation (inspection
    /// first, then approval); the clerk's console updates live, tells the applicant, hands over, closes.
    static func oversightAndClosure(_ hall: BrowserHarness) async throws {
        let b = hall.browser
        #expect(try await hall.server.intake.makeSweep().runOnce() == 1)
        try await b.open(hall.url("/admin/"))
        try await hall.signInOnPage("zhuren")
        try await b.waitVisible("#admin-view")
        try await b.tap("button[data-tab=cases]")
        try await b.waitUntil(
            "the overdue case on the board",
            "return !!document.querySelector('#board tr[data-case=\"\(number)\"][data-level=overdue]');")
        let row = try await b.text("#board tr[data-case=\"\(number)\"]")
        #expect(row.contains("已超期") && row.contains("镇残疾人联合会") && row.contains("李娜") && !row.contains("li.na"), "\(row)")
        #expect(try await b.text("#board-summary").contains("超期 1 件"))
        #expect(try await b.script("return document.getElementById('error').classList.contains('hidden')") as? Bool == true)
        try await hall.screenshot("18-admin-board-overdue")

        // The head acts for the federation on the review page: an on-site inspection first.
        try await b.open(hall.url("/review/"))
        try await b.waitVisible("#review-view")
        try await b.waitUntil(
            "the head's department choice and first inbox",
            "return document.querySelectorAll('#department-select option').length > 1 && "
                + "document.querySelectorAll('#inbox tr').length > 0;")
        try await b.script(
            """
            const s = document.getElementById('department-select'); s.value = 'disabled-persons-federation';
            s.dispatchEvent(new Event('change'));
            """)
        try await b.waitUntil("the federation's inbox", "return !!document.querySelector('#inbox tr[data-case=\"\(number)\"]');")
        try await b.tap("#inbox tr[data-case=\"\(number)\"]")
        try await b.waitVisible("#decision-form")
        try await b.tap("#decision-form button[data-decision=needs_inspection]")
        try await b.type("#decision-text", "需入户核实残疾状况")
        try await b.tap("#submit-decision")
        try await b.waitUntil(
            "the inspection recorded, still waiting",
            "return !!document.getElementById('decision-form') && "
                + "document.getElementById('detail').textContent.includes('需现场核查：需入户核实残疾状况');")
        try await hall.screenshot("19-review-head-inspection")
        try await b.tap("#logout")
        try await b.waitVisible("#login-form")

        // The clerk watches the case; the federation's final answer arrives live.
        try await b.open(hall.url("/console/"))
        try await hall.signInOnPage("li.na")
        try await b.tap("#console-tabs button[data-view=cases]")
        try await b.waitUntil("my case listed", "return !!document.querySelector('[data-case-row=\"1\"]');")
        // The list is re-rendered on every case event: read it in one script, not through a kept element.
        try await b.waitUntil(
            "my case marked overdue",
            "return document.querySelector('[data-case-row=\"1\"] .deadline').textContent.includes('已超期');")
        try await b.tap("[data-case-row=\"1\"]")
        try await b.waitUntil("the reviews", "return !!document.querySelector('[data-review=disabled-persons-federation]');")
        #expect(try await b.text("[data-review=civil-affairs]").contains("通过"))
        let head = try await hall.signIn("zhuren")
        try await hall.api(
            "POST", "/api/cases/\(number)/reviews", ["department": "disabled-persons-federation", "decision": "approved"],
            token: head)
        let result = try await b.waitVisible("#case-result")
        #expect(result.contains("准予办理"))
        try await b.waitUntil(
            "my list updated live",
            "return document.querySelector('[data-case-row=\"1\"] [data-case-state]').textContent === '已出结果';")
        try await hall.screenshot("20-case-decided-live")
        try await b.tap("#case-notify")
        try await b.waitUntil("notified", "return document.getElementById('case-state').textContent === '已告知';")
        try await b.tap("#case-deliver")
        try await b.waitUntil("handed over", "return document.getElementById('case-state').textContent === '已出件';")
        try await b.tap("#case-close")
        try await b.waitUntil("closed", "return document.getElementById('case-state').textContent === '已办结';")
        try await b.waitUntil("my list empty", "return document.getElementById('case-list').textContent.includes('暂无未办结的办件');")
        try await hall.screenshot("21-case-closed")
        let closed = try await hall.api("GET", "/api/cases/\(number)", token: head)["case"] as? [String: Any]
        #expect(closed?["state"] as? String == "closed")

        // A case opened directly, for an enterprise, with the result posted.
        try await b.tap("#case-new")
        try await b.waitVisible("#case-open-form")
        #expect(try await b.text("#case-source") == "直接开立 · 2号窗口")
        try await b.script(
            """
            const s = document.getElementById('case-item'); s.value = 'individual-business-establishment'; s.dispatchEvent(new Event('change'));
            """)
        try await b.tap("input[name=case-kind][value=enterprise]")
        try await b.type("#case-ent-name", "乌审旗草原牧家乐")
        try await b.type("#case-credit-code", "91150626MA0N2X3Y4W")
        try await b.type("#case-contact", "巴特尔")
        try await b.type("#case-phone", "13904770001")
        try await b.tap("input[name=case-delivery][value=post]")
        try await b.type("#case-address", "乌审旗乌兰陶勒盖镇巴音敖包嘎查3组")
        try await b.type("#case-recipient", "巴特尔")
        try await b.type("#case-post-phone", "13904770001")
        try await b.tap("#case-open-submit")
        try await b.waitUntil("the enterprise case", "return (document.getElementById('case-title') || {}).textContent === '预审第2号';")
        let enterprise = try await b.text("#case-detail")
        #expect(enterprise.contains("乌审旗草原牧家乐") && enterprise.contains("信用代码 91150626MA0N2X3Y4W") && enterprise.contains("联系人 巴特尔"))
        #expect(enterprise.contains("邮寄送达：乌审旗乌兰陶勒盖镇巴音敖包嘎查3组") && !enterprise.contains("来自号票"))
        try await b.waitUntil(
            "the enterprise in my list by its registered name (a person's name is masked there)",
            "const l = document.getElementById('case-list').textContent; return l.includes('乌审旗草原牧家乐');")
        try await hall.screenshot("22-case-enterprise-post")
    }
}
