import Foundation
import HallCore
import HallTestSupport
import Testing

/// The kiosk (1080×1920 portrait), the ticket's status page (390×844 phone), the console and the
/// admin page (1366×768 office PC) at their devices' real sizes, measured: nothing overflows or
/// overlaps, no tab label breaks, the configured center's name on every public page.
/// Screenshots in artifacts/screenshots/.
@Suite("Pages at their devices' sizes", .serialized)
struct DeviceSizeLayoutTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let center = "乌兰陶勒盖镇便民服务中心"

    static func expectClean(_ b: WebDriver, _ page: String) async throws {
        let overflow = try await b.horizontalOverflow()
        #expect(overflow == [], "\(page): horizontal overflow \(overflow)")
        let overlaps = try await b.overlappingElements()
        #expect(overlaps == [], "\(page): overlapping \(overlaps)")
    }

    @Test("kiosk 1080×1920: fills the screen, center, welcome, date and time, a line per service, waiting and estimate")
    func kiosk() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.api("POST", "/api/tickets", ["service": "agriculture"], token: BrowserHarness.kioskToken)
            let b = hall.browser
            try await b.setViewport(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("button[data-service=agriculture]")
            #expect(try await b.text("#center").contains(Self.center))
            #expect(try await b.text(".welcome") == "欢迎您！")
            #expect(try await b.text("#date").contains("年"))
            #expect(try await b.text("button[data-service=social-insurance] .what") == "参保登记、医保报销、资格认证")
            #expect(try await b.text("[data-wait=agriculture]") == "等候 1 人 · 现在取号约 10 分钟")
            #expect(try await b.text("[data-wait=veterans]") == "无需等候")
            #expect(try await b.script("return document.getElementById('closed').classList.contains('hidden');") as? Bool == true)
            // Fills the portrait screen: the service buttons reach down to the footer, the footer to the bottom.
            let gap = try await b.script(
                """
                const grid = document.getElementById('services').getBoundingClientRect();
                const foot = document.querySelector('.kiosk-foot').getBoundingClientRect();
                return [Math.round(foot.bottom - window.innerHeight), Math.round(grid.height / window.innerHeight * 100)];
                """) as? [Int] ?? []
            #expect(gap.count == 2 && abs(gap[0]) <= 1 && gap[1] >= 45, "footer at the bottom and services ≥45 % of the height: \(gap)")
            try await Self.expectClean(b, "kiosk")
            try await hall.screenshot("kiosk-1080x1920")

            // The ticket: its wait is the same estimate the button showed.
            try await b.click("button[data-service=agriculture]")
            #expect(try await b.waitVisible("#ticket-number") == "E002")
            #expect(try await b.text("#ticket-ahead") == "1")
            #expect(try await b.text("#ticket-wait") == "10")
            #expect(try await b.height("#ticket-number") >= 200)
            try await Self.expectClean(b, "kiosk ticket")
            try await hall.screenshot("kiosk-1080x1920-ticket")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("kiosk after closing time: says so before any touch, with the next opening")
    func kioskClosed() async throws {
        // A Wednesday at 20:00: the hall is closed until Thursday morning.
        let clock = ManualClock(LocalDay("2026-12-02")!.instant(minutesAfterMidnight: 20 * 60, in: Self.zone))
        let hall = try await BrowserHarness(clock: clock) {
            $0.dataDirectory = BrowserHarness.dataDirectory
            $0.extendedHours.refuseTicketsAfterClosing = true
        }
        do {
            let b = hall.browser
            try await b.setViewport(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            let message = try await b.waitVisible("#closed-message")
            #expect(message.contains("取号机暂停取号") && message.contains("下一个办公日："), "next opening in \(message)")
            #expect(try await b.text(".closed-title") == "暂停取号")
            try await Self.expectClean(b, "kiosk closed")
            try await hall.screenshot("kiosk-1080x1920-closed")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("status page 390×844: center, alert when 3 ahead and when called, advice after 过号")
    func statusPage() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let clerk = try await hall.signIn("clerk3")
            var ids: [Int] = []
            for _ in 0..<5 {
                let issued = try await hall.api("POST", "/api/tickets", ["service": "veterans"], token: BrowserHarness.kioskToken)
                ids.append(try #require((issued["ticket"] as? [String: Any])?["id"] as? Int))
            }
            let b = hall.browser
            try await b.setViewport(width: 390, height: 844)
            try await b.open(hall.url("/t/?id=\(ids[4])"))
            try await b.waitUntil("F005", "return document.getElementById('number').textContent === 'F005';")
            #expect(try await b.text("#center").contains(Self.center))
            #expect(try await b.text("#ahead") == "4")
            #expect(try await b.script("return document.getElementById('alert').classList.contains('hidden');") as? Bool == true)
            try await Self.expectClean(b, "status page")
            // Window 4 serves 退役军人: one called, three ahead now → the near alert.
            try await hall.api("POST", "/api/windows/4/call-next", [:], token: clerk)
            try await b.waitUntil("the near alert", timeout: .seconds(10), "return !document.getElementById('alert').classList.contains('hidden');")
            #expect(try await b.text("#alert") == "快到您了：前面还有 3 人")
            try await b.waitUntil("the title flashing", timeout: .seconds(3), "return document.title === '【快到您了】';")
            try await hall.screenshot("status-390-near")
            for _ in 0..<4 {
                try await hall.api("POST", "/api/windows/4/skip", [:], token: clerk)
                try await hall.api("POST", "/api/windows/4/call-next", [:], token: clerk)
            }
            try await b.waitUntil("the call alert", timeout: .seconds(10), "return document.getElementById('alert').textContent === '请到 4 号窗口办理';")
            #expect(try await b.text("#go") == "请到 4号窗口")
            try await b.waitUntil("the title flashing", timeout: .seconds(3), "return document.title === '【请到 4 号窗口办理】';")
            try await Self.expectClean(b, "status page called")
            try await hall.screenshot("status-390-called")
            try await hall.api("POST", "/api/windows/4/skip", [:], token: clerk)
            try await b.waitUntil("the advice", timeout: .seconds(10), "return !document.getElementById('advice').classList.contains('hidden');")
            #expect(try await b.text("#state") == "过号")
            #expect(try await b.text("#advice").contains("请到任一窗口向工作人员说明"))
            try await Self.expectClean(b, "status page no-show")
            try await hall.screenshot("status-390-no-show")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("console and admin 1366×768: clerk's window, plain-Chinese devices, tabs on one line, the today board")
    func officePages() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk4", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let head = try await hall.signIn("head")
            try await hall.api("PUT", "/api/posts/4", ["a": "clerk4"], token: head)
            let b = hall.browser
            try await b.setViewport(width: 1366, height: 768)
            try await b.open(hall.url("/console/"))
            try await hall.signInOnPage("clerk4")
            // Opens on the clerk's own window (their A post), not window 1.
            try await b.waitUntil("window 4", "return document.getElementById('window-select').value === '4';")
            try await b.waitUntil("devices listed", "return document.querySelectorAll('#devices li').length > 1;")
            let devices = try await b.text("#devices")
            #expect(!devices.contains("tty") && !devices.contains("responding") && !devices.contains("led-"), "devices: \(devices)")
            #expect(try await b.brokenLabels("#console-tabs button") == [])
            try await Self.expectClean(b, "console")
            try await hall.screenshot("console-1366")
            // Another window chosen is remembered for this account.
            try await b.script("const s = document.getElementById('window-select'); s.value = '2'; s.dispatchEvent(new Event('change'));")
            try await b.open(hall.url("/console/"))
            try await b.waitUntil("window 2 again", "return document.getElementById('window-select').value === '2';")
            try await b.tap("#console-tabs button[data-view=cases]")
            try await b.waitUntil("the empty list", "return document.getElementById('case-list').textContent.includes('暂无');")
            try await Self.expectClean(b, "console cases")
            try await b.click("#logout")

            try await b.open(hall.url("/admin/"))
            try await hall.signInOnPage("head")
            try await b.waitUntil("the today board", "return document.querySelectorAll('#today-windows tr').length === 5;")
            #expect(try await b.text("[data-today-window='4']").contains("测试clerk4"))
            #expect(try await b.brokenLabels("nav.tabs button") == [])
            let rows = try await b.script(
                "return new Set([...document.querySelectorAll('nav.tabs button')].map((e) => Math.round(e.getBoundingClientRect().top))).size;")
                as? Int
            #expect(rows == 1, "the admin tabs fit on one line at 1366 px")
            try await Self.expectClean(b, "admin today")
            try await hall.screenshot("admin-1366-today")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
