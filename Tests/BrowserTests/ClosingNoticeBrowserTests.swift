import Foundation
import HallCore
import Testing

/// The closing notice on the hall screen page in headless Chromium, with the hall's clock near
/// closing time (Wed 2026-11-25, winter hours: closing 17:30, notice from 17:00).
@Suite("Closing notice in headless Chromium", .serialized)
struct ClosingNoticeBrowserTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func at(_ time: String) -> Date {
        LocalDay("2026-11-25")!.instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    @Test("the hall screen lists every waiting ticket's expected wait before closing, then says extended service goes on")
    func closingNoticeOnTheHallScreen() async throws {
        let clock = ManualClock(Self.at("17:10"))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            for service in ["social-insurance", "social-insurance", "civil-affairs"] {
                try await hall.api("POST", "/api/tickets", ["service": service], token: BrowserHarness.kioskToken)
            }
            let status = try await hall.api("GET", "/api/extended")
            #expect(status["phase"] as? String == "closing_soon")
            let waiting = try #require(status["waiting"] as? [[String: Any]])
            #expect(waiting.count == 3 && waiting.contains { ($0["estimatedWaitMinutes"] as? Int ?? 0) > 0 })

            let b = hall.browser
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil(
                "the closing notice to appear",
                "const n = document.getElementById('closing-notice'); return !!n && !n.hidden;")
            #expect(try await b.text("#closing-notice h2") == "今天 17:30 下班")
            for w in waiting {
                let number = try #require(w["number"] as? String)
                let minutes = try #require(w["estimatedWaitMinutes"] as? Int)
                let text = try await b.text("#closing-waits li[data-ticket=\"\(number)\"]")
                #expect(text.contains(number) && text.contains(minutes > 0 ? "预计等候约 \(minutes) 分钟" : "即将叫号"), "\(number): \(text)")
            }
            #expect(try await b.text("#closing-notice").contains("不收取任何费用"))
            try await hall.screenshot("20-screen-closing-notice")

            // Closing time passes with residents waiting: extended hours begin by themselves and
            // the screen follows through the event stream.
            clock.set(Self.at("17:31"))
            _ = try await hall.server.extended.makeSweep().runOnce()
            try await b.waitUntil(
                "the screen to show extended service",
                "return document.querySelector('#closing-notice h2').textContent === '延时服务中';")
            #expect(try await b.text("#closing-notice").contains("延时服务进行中"))
            try await hall.screenshot("21-screen-extended-service")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("the clerk console prints a wait slip, keeps a contact, records a resident leaving; the head's ledger tab grants leave")
    func consoleAndLedgerPages() async throws {
        let clock = ManualClock(Self.at("17:10"))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await hall.createAccount("head1", roles: [.head])
            for _ in 0..<2 { try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: BrowserHarness.kioskToken) }
            let b = hall.browser

            try await hall.signIn(at: "/console/", as: "clerk3")
            try await b.waitVisible("#work-view")
            try await b.waitUntil(
                "the waiting tickets in the closing card", "return !!document.querySelector('#closing-waits tr[data-ticket=\"B002\"]');")
            #expect(try await b.text("#closing-phase") == "即将下班")
            try await b.click("button[data-slip=\"B002\"]")
            try await b.waitUntil("the slip to be printed", "return document.getElementById('closing-result').textContent.includes('已打印 B002');")
            try await b.click("button[data-followup=\"B002\"]")
            try await b.type("#fu-subject", "社保卡补办结果")
            try await b.type("#fu-phone", "13904771234")
            try await b.click("#fu-consent")
            try await b.click("#followup-form button[type=submit]")
            try await b.waitUntil("the follow-up to be kept", "return document.getElementById('closing-result').textContent.includes('139****1234');")
            try await b.waitUntil("the clerk's follow-ups", "return document.getElementById('my-followups').textContent.includes('社保卡补办结果');")
            try await b.waitUntil("the clerk's own ledger", "return document.getElementById('my-ledger').textContent.includes('延时服务 0 分钟');")
            try await b.script("window.confirm = () => true;")
            try await b.click("button[data-left=\"B001\"]")
            try await b.waitUntil("B001 to leave the list", "return !document.querySelector('#closing-waits tr[data-ticket=\"B001\"]');")
            try await hall.screenshot("22-console-closing-card")
            // The closing card belongs to the queue tab: hidden on the others, back with the queue.
            try await b.tap("#console-tabs button[data-view=appointments]")
            try await b.waitUntil("the closing card hidden", "return document.getElementById('closing-card').classList.contains('hidden');")
            try await b.tap("#console-tabs button[data-view=queue]")
            try await b.waitVisible("#closing-waits")
            try await b.click("#logout")
            try await b.waitVisible("#login-form")

            // The head's ledger tab: a month with appointment duty passing the threshold; leave granted and taken.
            let head =
                try await hall.api("POST", "/api/session", ["username": "head1", "password": BrowserHarness.staffPassword])["token"] as! String
            try await hall.api(
                "POST", "/api/ledger/entries",
                [
                    "staff": "clerk3", "kind": "appointment", "start": "2026-11-22T08:30:00+08:00",
                    "end": "2026-11-22T17:00:00+08:00", "note": "周日预约值班",
                ], token: head)
            try await hall.signIn(at: "/admin/", as: "head1")
            try await b.waitVisible("#admin-view")
            try await b.click("nav.tabs button[data-tab=ledger]")
            try await b.script("document.getElementById('ledger-month').value = '2026-11'; document.getElementById('ledger-form').requestSubmit();")
            try await b.waitUntil("the month's entries", "return !!document.querySelector('#ledger-entries tr[data-entry]');")
            #expect(try await b.text("#ledger-entries").contains("510 分钟"))
            #expect(try await b.text("#ledger-balances tr[data-staff=clerk3]").contains("应安排调休"))
            #expect(
                try await b.script("return document.getElementById('ledger-csv').getAttribute('href');") as? String
                    == "/api/ledger/export?format=csv&month=2026-11")
            #expect(try await b.text("#error").isEmpty, "no error from the other tabs' loader")
            try await b.script(
                """
                document.getElementById('leave-staff').value = 'clerk3'; document.getElementById('leave-day').value = '2026-11-25';
                document.getElementById('leave-hours').value = '8'; document.getElementById('leave-form').requestSubmit();
                """)
            try await b.waitUntil("the grant", "return !!document.querySelector('#leave-list tr[data-grant]');")
            try await b.click("#leave-list tr[data-grant] button")
            try await b.waitUntil("leave taken", "return document.querySelector('#leave-list tr[data-grant] td:nth-child(5)').textContent === '已调休';")
            try await hall.screenshot("23-admin-ledger")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
