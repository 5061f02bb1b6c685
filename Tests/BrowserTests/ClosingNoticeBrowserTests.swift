import Foundation
import HallCore
import Testing

/// The closing notice on the hall screen page in headless Chromium, with the hall's clock near
/// closing time (Wed 2026-11-25, winter hours: closing 17:30, notice from 17:00).
@Suite("Closing notice in headless Chromium", .serialized)
struct ClosingNoticeBrowserTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data").path

    static func at(_ time: String) -> Date {
        LocalDay("2026-11-25")!.instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    @Test("the hall screen lists every waiting ticket's expected wait before closing, then says extended service goes on")
    func closingNoticeOnTheHallScreen() async throws {
        let clock = ManualClock(Self.at("17:10"))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = Self.data }
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
            try await b.waitUntil("the closing notice to appear",
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
            _ = try await hall.server.makeExtendedHoursSweep().runOnce()
            try await b.waitUntil("the screen to show extended service",
                                  "return document.querySelector('#closing-notice h2').textContent === '延时服务中';")
            #expect(try await b.text("#closing-notice").contains("延时服务进行中"))
            try await hall.screenshot("21-screen-extended-service")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
