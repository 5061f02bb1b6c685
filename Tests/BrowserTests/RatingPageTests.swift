import Foundation
import HallCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension WebDriver {
    /// Waits until the element has some text (for elements that are always shown, empty at first).
    @discardableResult
    func waitText(_ css: String) async throws -> String {
        try await waitUntil("text in \(css)", "const e = document.querySelector(\(Self.jsString(css))); return !!e && e.textContent.trim() !== '';")
        return try await text(css)
    }
}

extension BrowserHarness {
    /// Signs in through the page's login form and waits for `view` to show.
    func signIn(_ username: String, password: String = BrowserHarness.staffPassword, showing view: String) async throws {
        try await browser.waitVisible("#login-form")
        try await browser.type("#username", username)
        try await browser.type("#password", password)
        try await browser.click("#login-button")
        try await browser.waitVisible(view)
    }

    /// Issues a ticket at the kiosk and serves it to the end at `window` as the clerk of `clerk`.
    @discardableResult
    func serveTicket(_ service: String, at window: Int, clerk: String) async throws -> (id: Int, number: String) {
        let issued = try await api("POST", "/api/tickets", ["service": service], token: Self.kioskToken)
        let ticket = issued["ticket"] as! [String: Any]
        for action in ["call-next", "start", "finish"] { try await api("POST", "/api/windows/\(window)/\(action)", token: clerk) }
        return (ticket["id"] as! Int, ticket["number"] as! String)
    }

    /// The targets of `actor`'s audit records (read as the administrator).
    func auditTargets(actor: String) async throws -> [String] {
        var request = URLRequest(url: url("/api/audit?actor=\(actor)"))
        request.setValue("Bearer \(try await signIn("admin", Self.adminPassword))", forHTTPHeaderField: "Authorization")
        let (data, _) = try await Self.http.data(for: request)
        let records = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return records.compactMap { $0["target"] as? String }
    }

    /// The QR link printed on the most recent ticket (read back from the virtual printer's text output).
    func lastPrintedQRLink() async throws -> URL {
        let folder = URL(fileURLWithPath: server.configuration.stateDirectory).appendingPathComponent("printed")
        for _ in 0..<100 {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
            if let last = files.last, let text = try? String(contentsOf: folder.appendingPathComponent(last), encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.contains("[二维码]") }),
                let url = URL(string: String(line.split(separator: " ").last ?? ""))
            {
                return url
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "no printed ticket with a QR code in \(folder.path)")
    }
}

/// Ratings (好差评) in headless Chromium: the window's rating pad, the head's follow-up on /admin/,
/// and the QR page with the printed ticket's key.
@Suite("Rating pages in headless Chromium", .serialized)
struct RatingPageTests {
    @Test("finish at window 3 → the pad shows it → 不满意 → the head closes the follow-up on /admin/; rating twice is refused")
    func padToFollowUp() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let clerk = try await hall.signIn("clerk3")
            let b = hall.browser

            try await b.open(hall.url("/pad/?device-token=\(BrowserHarness.padToken)"))
            try await b.waitVisible("#idle")
            #expect(try await b.text("#title") == "3号窗口 · 服务评价")
            let ticket = try await hall.serveTicket("社保医保", at: 3, clerk: clerk)
            // The finish reaches the pad live over /ws/events.
            let number = try await b.waitVisible("#rate-number")
            #expect(number == ticket.number)
            #expect(try await b.text("#rate-staff").contains("测试clerk3"))
            #expect(try await b.script("return document.querySelectorAll('#levels button').length") as? Int == 5)
            try await hall.screenshot("20-pad-offer")
            try await b.click("button[data-level=dissatisfied]")
            let thanks = try await b.waitVisible("#thanks-message")
            #expect(thanks.contains("中心负责人将尽快跟进处理"))
            try await hall.screenshot("21-pad-thanks")

            // Once per service: the API refuses a second rating, and the pad no longer offers the ticket.
            do {
                try await hall.api("POST", "/api/rating-pad", ["ticket": ticket.id, "level": "satisfied"], token: BrowserHarness.padToken)
                Issue.record("a second rating was accepted")
            } catch let failure as WebDriver.Failure {
                #expect(failure.description.contains("already_rated"))
            }
            try await b.open(hall.url("/pad/"))
            try await b.waitVisible("#idle")

            try await b.open(hall.url("/admin/"))
            try await hall.signIn("head", showing: "#admin-view")
            try await b.click("button[data-tab=ratings]")
            try await b.waitUntil("the follow-up", "return !!document.querySelector('#follow-ups tr[data-follow-up] [data-state=open]');")
            let row = try await b.text("#follow-ups tr[data-follow-up]")
            #expect(row.contains(ticket.number) && row.contains("不满意") && row.contains("clerk3") && row.contains("待处理"))
            #expect(try await b.text("#follow-up-summary").contains("待处理 1 件"))
            #expect(try await b.script("return document.querySelectorAll('#ratings-chart svg rect.bar').length") as? Int == 5)
            try await hall.screenshot("22-admin-follow-up-open")
            try await b.click("button[data-close]")
            let refusal = try await b.waitVisible("#error")
            #expect(refusal == "请填写处理情况后再办结。", "closing needs a note")
            try await b.type("input[data-note]", "已电话回访，向居民致歉并说明办理要求")
            try await b.click("button[data-close]")
            try await b.waitUntil("the follow-up to close", "return document.querySelector('#follow-ups [data-state]').dataset.state === 'closed';")
            #expect(try await b.text("#follow-ups tr[data-follow-up]").contains("已电话回访，向居民致歉并说明办理要求"))
            try await hall.screenshot("23-admin-follow-up-closed")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("the QR page of a printed ticket rates with its key; the old ?id= link is read-only")
    func qrPage() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let clerk = try await hall.signIn("clerk3")
            let b = hall.browser
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("button[data-service=social-insurance]")
            try await b.click("button[data-service=social-insurance]")
            let number = try await b.waitVisible("#ticket-number")
            let printed = try await hall.lastPrintedQRLink()
            let query = try #require(printed.query)
            #expect(printed.absoluteString.contains("/t/?id=") && query.contains("&k="), "\(printed)")
            let keyed = hall.url("/t/?" + query)

            try await b.open(keyed)
            try await b.waitUntil("the status page", "return document.getElementById('number').textContent === '\(number)';")
            #expect(
                try await b.script("return document.getElementById('rating').classList.contains('hidden')") as? Bool == true,
                "no rating before the service is finished")
            for action in ["call-next", "start", "finish"] { try await hall.api("POST", "/api/windows/3/\(action)", token: clerk) }

            let id = try #require(query.split(separator: "&").first?.dropFirst(3))
            try await b.open(hall.url("/t/?id=\(id)"))
            #expect(try await b.waitText("#rating-note") == "此链接只能查看进度；如需评价，请扫描号票上的二维码。")
            #expect(try await b.script("return document.querySelectorAll('#rating-levels button').length") as? Int == 0)
            try await hall.screenshot("24-status-old-link-read-only")

            try await b.open(keyed)
            try await b.waitVisible("#rating-levels button[data-level=very_satisfied]")
            #expect(try await b.text("#state") == "已办结")
            try await hall.screenshot("25-status-rate")
            try await b.click("#rating-levels button[data-level=very_satisfied]")
            #expect(try await b.waitText("#rating-result") == "感谢您的评价！")
            try await b.open(keyed)
            #expect(try await b.waitText("#rating-result") == "您已评价：非常满意。感谢您的评价！", "once per service")
            #expect(try await b.script("return document.querySelectorAll('#rating-levels button').length") as? Int == 0)
            try await hall.screenshot("26-status-rated")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
