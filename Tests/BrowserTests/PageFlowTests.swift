import Foundation
import HallCore
import Testing

/// The hall's pages in real headless Chromium, driven over WebDriver. Screenshots of each key
/// step land in artifacts/screenshots/.
@Suite("Pages in headless Chromium", .serialized)
struct PageFlowTests {
    @Test("kiosk takes a ticket → the clerk's console calls it → the status page shows 已呼叫")
    func kioskConsoleStatus() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let b = hall.browser

            // A new kiosk asks for its device token once, then offers the services.
            try await b.open(hall.url("/kiosk/"))
            try await b.waitVisible("#setup-form")
            try await b.type("#setup-token", BrowserHarness.kioskToken)
            try await b.click("#setup-form button[type=submit]")
            try await b.waitVisible("button[data-service=social-insurance]")
            #expect(try await b.script("return localStorage.getItem('hall.kioskToken')") as? String == BrowserHarness.kioskToken)

            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("button[data-service=social-insurance]")
            #expect(try await b.script("return location.search") as? String == "", "the token is removed from the address bar")
            #expect(try await b.text("#center") == "乌兰陶勒盖镇便民服务中心 · 自助取号", "the configured center's name")
            try await hall.screenshot("01-kiosk-services")
            try await b.click("button[data-service=social-insurance]")
            let number = try await b.waitVisible("#ticket-number")
            #expect(number == "B001")
            #expect(try await b.text("#ticket-service") == "社保医保")
            #expect(try await b.text("#ticket-ahead") == "0")
            #expect(
                try await b.script("return document.getElementById('print-failed').classList.contains('hidden')") as? Bool == true,
                "no print notice without a print failure")
            try await hall.screenshot("02-kiosk-ticket")

            try await b.open(hall.url("/console/"))
            try await hall.signInOnPage("clerk3")
            try await b.waitVisible("#work-view")
            try await b.script("const s = document.getElementById('window-select'); s.value = '3'; s.dispatchEvent(new Event('change'));")
            try await b.waitUntil(
                "one waiting for 社保医保 at window 3",
                "const c = document.querySelector('[data-waiting=\"social-insurance\"]'); return !!c && c.textContent === '1';")
            try await hall.screenshot("03-console-before-call")
            try await b.click("#call-next")
            try await b.waitUntil("B001 at window 3", "return document.getElementById('current-number').textContent === 'B001';")
            #expect(try await b.text("#current-detail").contains("已呼叫"))

            // Live: a ticket taken at the kiosk shows up in the console through /ws/events, without a reload.
            try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: BrowserHarness.kioskToken)
            try await b.waitUntil(
                "the console to see the new ticket live",
                "return document.querySelector('[data-waiting=\"social-insurance\"]').textContent === '1';")
            try await hall.screenshot("04-console-called")

            let status = try await hall.api("GET", "/api/tickets/B001")
            let id = try #require((status["ticket"] as? [String: Any])?["id"] as? Int)
            try await b.open(hall.url("/t/?id=\(id)"))
            try await b.waitUntil("the status page to load", "return document.getElementById('number').textContent === 'B001';")
            #expect(try await b.text("#state") == "已呼叫")
            #expect(try await b.text("#go") == "请到 3号窗口")
            #expect(try await b.text("h1") == "乌兰陶勒盖镇便民服务中心 · 排队进度")
            try await hall.screenshot("05-status-called")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("signing in with a wrong password shows the API's message")
    func wrongPassword() async throws {
        let hall = try await BrowserHarness()
        do {
            let b = hall.browser
            try await b.open(hall.url("/console/"))
            try await hall.signInOnPage("admin", "not-the-password")
            let message = try await b.waitVisible("#login-error")
            #expect(message == "用户名或密码错误。")
            #expect(try await b.script("return document.getElementById('work-view').classList.contains('hidden')") as? Bool == true)
            try await hall.screenshot("06-login-wrong-password")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("a clerk on the admin pages is refused (403 shown); the head sees accounts and the audit log")
    func roleRefusal() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk1", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signInOnPage("clerk1")
            // The page lands on 今日大厅; the account list is the head's and the administrator's.
            try await b.waitUntil("the today board", "return document.querySelectorAll('#today-windows tr').length === 5;")
            try await b.tap("button[data-tab=accounts]")
            let refusal = try await b.waitVisible("#error")
            #expect(refusal == "您的角色无权进行“查看账号”操作。")
            #expect(try await b.script("return document.querySelectorAll('#accounts tr').length") as? Int == 0)
            try await hall.screenshot("07-admin-refused-clerk")

            try await b.click("#logout")
            try await hall.signInOnPage("head")
            try await b.waitVisible("#tab-today")
            try await b.tap("button[data-tab=accounts]")
            try await b.waitUntil("the account list", "return document.querySelectorAll('#accounts tr').length === 3;")
            try await hall.screenshot("08-admin-accounts")
            try await b.click("button[data-tab=audit]")
            try await b.waitUntil("audit rows", "return document.querySelectorAll('#audit tr').length > 0;")
            let auditText = try await b.text("#audit")
            #expect(auditText.contains("session.login") && auditText.contains("clerk1") && auditText.contains("account.manage"))
            try await hall.screenshot("09-admin-audit")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
