import Foundation
import HallCore
import Testing

/// The hall screen page (/screen/) in headless Chromium: calls made through the API by a clerk
/// appear live with the waiting counts, the spoken call (and recall) is played one announcement
/// after another, and the page finds its way back by itself after the hall app restarts.
/// Screenshots in artifacts/screenshots/.
@Suite("Hall screen in headless Chromium", .serialized)
struct HallScreenTests {
    static let screenToken = "browser-screen-token-0001"

    /// JavaScript expression: the waiting count shown for a service (e.g. `2人`), or null.
    static func waiting(_ service: String) -> String {
        "(() => { const row = [...document.querySelectorAll('#waiting tr')]"
            + ".find((r) => r.querySelector('.service-name').textContent === \(WebDriver.jsString(service)));"
            + " return row ? row.querySelector('.count').textContent : null; })()"
    }

    /// JavaScript expression: the ticket shown on the card of a window, or null.
    static func windowTicket(_ window: Int) -> String {
        "(() => { const item = [...document.querySelectorAll('#windows li')]"
            + ".find((li) => li.querySelector('.window-name').textContent === '\(window)号窗口');"
            + " return item ? item.querySelector('.window-ticket').textContent : null; })()"
    }

    /// JavaScript expression: the announcements the page played (number, window, recall, times).
    static let voice = "window.hallScreen.state.voice"

    @Test("calls show within seconds, counts change, a recall is shown and spoken again, the page reconnects after a restart")
    func liveScreen() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let session = try await hall.api("POST", "/api/session", ["username": "clerk3", "password": BrowserHarness.staffPassword])
            let clerk = try #require(session["token"] as? String)
            let kiosk = BrowserHarness.kioskToken
            let b = hall.browser

            try await b.open(hall.url("/screen/?device-token=\(Self.screenToken)"))
            try await b.waitUntil("the event stream to connect", "return !!window.hallScreen && window.hallScreen.state.online;")
            #expect(try await b.script("return location.search") as? String == "", "the device token leaves the address bar")
            try await b.waitUntil("five window cards", "return document.querySelectorAll('#windows li').length === 5;")
            #expect(try await b.text("#hall-name") == "乌兰陶勒盖镇便民服务中心")
            // The clock shows the hall's time (halld's configured zone), not the browser's (UTC here).
            let shown = try await b.text("#time")
            let hallClock = DateFormatter()
            hallClock.timeZone = TimeZone(identifier: hall.server.configuration.queue.timeZoneIdentifier)
            hallClock.dateFormat = "HH:mm"
            let expected = [Date(), Date().addingTimeInterval(-60)].map { hallClock.string(from: $0) }
            #expect(expected.contains(String(shown.prefix(5))), "screen shows \(shown), the hall's time is \(expected[0])")
            // A second script (closing-time notices) can hook in: every event, and an area of its own.
            try await b.script("window.__seen = []; window.hallScreen.onEvent((e) => window.__seen.push(e.type));")
            #expect(
                try await b.script("return window.hallScreen.notices.id + ':' + window.hallScreen.notices.hidden") as? String
                    == "notices:true")

            // Two tickets taken: the waiting count follows without a reload.
            try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: kiosk)
            try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: kiosk)
            try await b.waitUntil("2 waiting for 社保医保", timeout: .seconds(5), "return \(Self.waiting("社保医保")) === '2人';")

            // The clerk calls at window 3: number and window show within a few seconds.
            try await hall.api("POST", "/api/windows/3/call-next", [:], token: clerk)
            try await b.waitUntil("B001 at window 3", timeout: .seconds(5), "return \(Self.windowTicket(3)) === 'B001';")
            #expect(try await b.text("#latest-call") == "请 B001 号到 3 号窗口")
            #expect(try await b.text("#recent li:first-child .recent-number") == "B001")
            try await b.waitUntil("1 waiting for 社保医保", timeout: .seconds(5), "return \(Self.waiting("社保医保")) === '1人';")
            #expect(try await b.script("return window.__seen.includes('ticket.called')") as? Bool == true)
            // Large enough to read across the hall: the called number ≥ 8 % and the latest call ≥ 10 % of the screen height.
            let ticketShare =
                try await b.script(
                    """
                    const t = [...document.querySelectorAll('#windows .window-ticket')].find((e) => e.textContent === 'B001');
                    return parseFloat(getComputedStyle(t).fontSize) / window.innerHeight;
                    """) as? Double
            #expect((ticketShare ?? 0) >= 0.08, "window ticket font is \(ticketShare ?? 0) of the height")
            let latestShare =
                try await b.script(
                    "return parseFloat(getComputedStyle(document.getElementById('latest-call')).fontSize) / window.innerHeight;") as? Double
            #expect((latestShare ?? 0) >= 0.1)

            // The spoken call: the browser may ask for a touch before playing sound.
            if try await b.script("return !document.getElementById('enable-sound').hidden") as? Bool == true {
                try await b.click("#enable-sound")
            }
            try await b.waitUntil(
                "the call to be spoken", timeout: .seconds(20),
                "return \(Self.voice).some((v) => v.number === 'B001' && !v.recall && v.ended);")
            try await hall.screenshot("10-screen-called")

            // A recall: shown again, spoken again, after the first announcement ended.
            try await b.script("document.getElementById('latest-call').textContent = '';")
            try await hall.api("POST", "/api/windows/3/recall", [:], token: clerk)
            try await b.waitUntil(
                "the recall shown", timeout: .seconds(5),
                "return document.getElementById('latest-call').textContent === '请 B001 号到 3 号窗口';")
            try await b.waitUntil(
                "the recall spoken", timeout: .seconds(20),
                "return \(Self.voice).some((v) => v.number === 'B001' && v.recall && v.ended);")
            // A call at window 1 right away: its announcement waits for the one before.
            try await hall.api("POST", "/api/tickets", ["service": "comprehensive"], token: kiosk)
            try await hall.api("POST", "/api/windows/1/call-next", [:], token: clerk)
            try await hall.api("POST", "/api/windows/3/recall", [:], token: clerk)
            try await b.waitUntil("A001 at window 1", timeout: .seconds(5), "return \(Self.windowTicket(1)) === 'A001';")
            try await b.waitUntil("four announcements", timeout: .seconds(30), "return \(Self.voice).filter((v) => v.ended).length >= 4;")
            let overlapping =
                try await b.script(
                    """
                    const v = \(Self.voice);
                    return v.slice(1).filter((x, i) => x.started < v[i].ended).length;
                    """) as? Int
            #expect(overlapping == 0, "announcements overlapped")
            #expect(
                try await b.script("return \(Self.voice).map((v) => v.number + (v.recall ? 'R' : '')).join(',')") as? String
                    == "B001,B001R,A001,B001R")
            // Nothing personal: no staff name (the events' actor) and no account names on the page.
            let pageText = try await b.script("return document.body.innerText") as? String ?? ""
            #expect(!pageText.contains("clerk3") && !pageText.contains("测试"))
            try await hall.screenshot("11-screen-recalled")

            // The hall app restarts on the same port: the page notices, reconnects by itself and
            // shows calls made after the restart.
            #expect(try await b.script("return window.hallScreen.state.connections") as? Int == 1)
            try await hall.restartServer()
            try await b.waitUntil(
                "the page to reconnect", timeout: .seconds(20),
                "return window.hallScreen.state.connections === 2 && document.getElementById('connection').textContent === '已连接';")
            try await hall.api("POST", "/api/windows/3/start", [:], token: clerk)
            try await hall.api("POST", "/api/windows/3/finish", [:], token: clerk)
            try await hall.api("POST", "/api/windows/3/call-next", [:], token: clerk)
            try await b.waitUntil("B002 at window 3 after the restart", timeout: .seconds(5), "return \(Self.windowTicket(3)) === 'B002';")
            try await b.waitUntil("nobody waiting for 社保医保", timeout: .seconds(5), "return \(Self.waiting("社保医保")) === '0人';")
            try await hall.screenshot("12-screen-after-restart")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
