import Foundation
import HallCore
import HallTestSupport
import Testing

/// What a page fills in after sign-in (the AB-post line, the hall-wide warnings, the window list)
/// must not move its tabs: WebDriver, like a clerk's finger, aims at where a tab is and clicks a
/// moment later; when a notice arrives above the tabs in between, the click lands on the notice and
/// the tab never opens (the flaky "#appointments-section to be visible" timeout on a busy machine).
@Suite("Tabs stay put while a page fills in", .serialized)
struct TabStabilityTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// Records the top of `selector` on every animation frame from now on (in `window.hallTops`),
    /// and counts the answers to requests whose path contains `path` (in `window.hallAnswers`).
    static func record(_ b: WebDriver, _ selector: String, answersTo path: String) async throws {
        try await b.script(
            """
            window.hallTops = []; window.hallAnswers = 0;
            const original = window.fetch;
            window.fetch = async (...args) => {
              const answer = await original(...args);
              if (String(args[0]).includes(\(WebDriver.jsString(path)))) window.hallAnswers += 1;
              return answer;
            };
            const step = () => {
              const e = document.querySelector(\(WebDriver.jsString(selector)));
              const r = e && e.getBoundingClientRect();
              if (r && r.height > 0) window.hallTops.push(Math.round(r.top));
              requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
            """)
    }

    /// Waits until `answers` requests were answered and `frames` more frames drawn after that, then
    /// returns the distinct tops seen.
    static func tops(_ b: WebDriver, after answers: Int, frames: Int = 10) async throws -> [Int] {
        try await b.waitUntil("\(answers) answers", "return window.hallAnswers >= \(answers) && window.hallTops.length > 0;")
        let seen = try await b.script("return window.hallTops.length;") as? Int ?? 0
        try await b.waitUntil("\(frames) more frames", "return window.hallTops.length >= \(seen + frames);")
        let tops = try await b.script("return [...new Set(window.hallTops)];") as? [Int] ?? []
        return tops
    }

    @Test("the console's tabs do not move when the AB-post line and the head's warnings arrive (1366×768)")
    func consoleTabs() async throws {
        // December: next year's calendar is not imported, so a head sees the hall-wide warning.
        let clock = ManualClock(LocalDay("2026-12-02")!.instant(minutesAfterMidnight: 600, in: Self.zone))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            try await hall.createAccount("sun.li", roles: [.clerk, .head])
            let b = hall.browser
            try await b.setViewport(width: 1366, height: 768)
            try await b.open(hall.url("/console/"))
            try await b.waitVisible("#login-form")
            try await Self.record(b, "#console-tabs button[data-view=appointments]", answersTo: "/api/posts/")
            try await hall.signInOnPage("sun.li")
            try await b.waitVisible("#hall-warnings")
            let tops = try await Self.tops(b, after: 1)
            #expect(tops.count == 1, "the 预约与上门 tab moved after sign-in: tops \(tops)")
            // A window without AB posts says nothing about them.
            #expect(try await b.script("return document.getElementById('post-banner').classList.contains('hidden');") as? Bool == true)
            try await b.tap("#console-tabs button[data-view=appointments]")
            try await b.waitVisible("#appointments-section")

            try await b.click("#logout")
            try await b.open(hall.url("/admin/"))
            try await b.waitVisible("#login-form")
            try await Self.record(b, "nav.tabs button[data-tab=appointments]", answersTo: "/healthz")
            try await hall.signInOnPage("sun.li")
            try await b.waitVisible("#hall-warnings")
            let adminTops = try await Self.tops(b, after: 1)
            #expect(adminTops.count == 1, "the admin page's 预约与上门 tab moved after sign-in: tops \(adminTops)")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
