import Foundation
import HallCore
import Testing

/// The hall screen at a TV's real size (1920×1080), measured: readable from 10 m (ticket number and
/// window number each at least 100 px tall), nothing overflowing or overlapping, the legend and the
/// next-up list, called / recalled / serving told apart, recent calls back after a reload, and the
/// head's scrolling notice. Screenshots in artifacts/screenshots/.
@Suite("Hall screen at 1920×1080", .serialized)
struct HallScreenLayoutTests {
    @Test("readable from 10 m: large numbers, legend, next up, states, recent calls after a reload, the head's notice")
    func tvScreen() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let clerk = try await hall.signIn("clerk3")
            let head = try await hall.signIn("head")
            let kiosk = BrowserHarness.kioskToken
            for service in ["social-insurance", "social-insurance", "social-insurance", "comprehensive", "comprehensive"] {
                try await hall.api("POST", "/api/tickets", ["service": service], token: kiosk)
            }
            let b = hall.browser
            try await b.setViewport(width: 1920, height: 1080)
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil("the event stream", "return !!window.hallScreen && window.hallScreen.state.online;")
            try await b.waitUntil("five window cards", "return document.querySelectorAll('#windows li').length === 5;")
            #expect(try await b.script("return [window.innerWidth, window.innerHeight];") as? [Int] == [1920, 1080])
            let center = hall.server.configuration.center.name
            #expect(try await b.text("#hall-name") == center)

            try await hall.api("POST", "/api/windows/3/call-next", [:], token: clerk)
            try await hall.api("POST", "/api/windows/1/call-next", [:], token: clerk)
            try await hall.api("POST", "/api/windows/1/start", [:], token: clerk)
            try await hall.api("POST", "/api/windows/3/recall", [:], token: clerk)
            try await b.waitUntil(
                "window 3 recalled", timeout: .seconds(5), "return !!document.querySelector('#windows li.recalled[data-window=\"3\"]');")
            try await b.waitUntil(
                "window 1 serving", timeout: .seconds(5), "return !!document.querySelector('#windows li.serving[data-window=\"1\"]');")
            #expect(try await b.text("#windows li[data-window='3'] .window-state") == "重呼")
            #expect(try await b.text("#windows li[data-window='1'] .window-state") == "办理中")
            #expect(
                try await b.script("return getComputedStyle(document.querySelector('#windows li.recalled .window-ticket')).animationName;")
                    as? String == "flash", "a recall flashes")
            let called = try await b.script(
                "return [...document.querySelectorAll('#windows li')].map((li) => getComputedStyle(li).borderLeftColor);") as? [String] ?? []
            #expect(Set(called).count >= 3, "recalled, serving and idle windows look different: \(called)")
            #expect(try await b.text("#latest-call") == "请 B001 号到 3 号窗口")

            // Readable from 10 m: the numbers people look for, each at least 100 px tall.
            for selector in [
                "#latest-number", "#latest-window", "#windows li[data-window='3'] .window-ticket",
                "#windows li[data-window='3'] .window-number",
            ] {
                let height = try await b.height(selector)
                #expect(height >= 100, "\(selector) is \(height) px tall")
            }
            // The legend: every service's letter and name; next up in call order.
            let legend = try await b.script(
                "return [...document.querySelectorAll('#legend tr')].map((r) => r.cells[0].textContent + '=' + r.cells[1].textContent).join(' ');")
                as? String ?? ""
            #expect(legend.hasPrefix("A=综合窗口 B=社保医保"), "legend: \(legend)")
            let nextUp = "[...document.querySelectorAll('#next-up li')].map((l) => l.textContent).join(',')"
            try await b.waitUntil("next up after the calls", timeout: .seconds(5), "return \(nextUp) === 'A002,B002,B003';")

            #expect(try await b.horizontalOverflow() == [])
            #expect(try await b.overlappingElements() == [])
            try await hall.screenshot("screen-1920-called")

            // A reload shows the same: recent calls and the latest call come back from the server.
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil("recent calls restored", timeout: .seconds(5), "return document.querySelectorAll('#recent li').length === 2;")
            #expect(try await b.text("#recent li:first-child .recent-number") == "B001")
            #expect(try await b.text("#recent li:first-child .recent-state") == "重呼")
            #expect(try await b.text("#recent li:nth-child(2) .recent-state") == "办理中")
            #expect(try await b.text("#latest-call") == "请 B001 号到 3 号窗口")

            // The head's notice scrolls along the bottom; clearing it removes it.
            let notice = "本周六上午 9:00–11:30 办理社保业务，请提前预约"
            try await hall.api("PUT", "/api/screen/notice", ["text": notice], token: head)
            try await b.waitUntil("the notice", timeout: .seconds(5), "return !document.getElementById('scroll-notice').hidden;")
            #expect(try await b.text("#scroll-notice-text") == notice)
            #expect(try await b.horizontalOverflow() == [])
            #expect(try await b.overlappingElements() == [])
            try await hall.screenshot("screen-1920-notice")
            try await hall.api("PUT", "/api/screen/notice", ["text": ""], token: head)
            try await b.waitUntil("no notice", timeout: .seconds(5), "return document.getElementById('scroll-notice').hidden;")
            let (status, _) = try await hall.send("PUT", "/api/screen/notice", ["text": "x"], token: clerk)
            #expect(status == 403, "a clerk does not set the hall screen's notice")
            let (long, _) = try await hall.send("PUT", "/api/screen/notice", ["text": String(repeating: "通", count: 201)], token: head)
            #expect(long == 400)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
