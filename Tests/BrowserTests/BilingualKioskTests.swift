import Foundation
import HallCore
import HallEmulators
import HallIDCard
import HallServer
import Testing

/// The rest of a bilingual hall's resident surfaces in headless Chromium: the kiosk's ID-card and
/// booking-code check-in views, halld's refusals said in Mongolian before halld's Chinese, and a
/// hall screen with more windows than fit one column.
@Suite("Bilingual kiosk views, refusals and a large hall screen in headless Chromium", .serialized)
struct BilingualKioskTests {
    /// The Mongolian and Chinese lines of the shown refusal in `box`.
    static func refusal(_ b: WebDriver, _ box: String) async throws -> (mn: String, zh: String) {
        try await b.waitVisible("\(box) .lang-mn")
        return (try await b.text("\(box) .lang-mn"), try await b.text("\(box) .lang-zh"))
    }

    /// Whether the page does not scroll and every shown element of `selector` ends above the footer.
    static func onScreen(_ b: WebDriver, _ selector: String) async throws -> Bool {
        try await b.script(
            """
            const foot = document.querySelector('.kiosk-foot').getBoundingClientRect().top;
            return [...document.querySelectorAll(arguments[0])].every((e) => !e.offsetParent || e.getBoundingClientRect().bottom <= foot)
              && document.documentElement.scrollHeight <= window.innerHeight;
            """, [selector]) as? Bool == true
    }

    @Test("kiosk 1080×1920: ID card and booking-code views in both scripts, refusals with halld's values in Mongolian")
    func kioskViews() async throws {
        let emulator = VirtualIDCardReader(cards: IDCardFixture.demo)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-bilingual-card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pty = try VirtualIDCardReaderPTY(reader: emulator, linkPath: folder.appendingPathComponent("ttyIDCard").path)
        defer {
            pty.stop()
            try? FileManager.default.removeItem(at: folder)
        }
        let hall = try await BilingualPagesTests.bilingualHall {
            $0.hardware.idCardReaders = [.init(kiosk: true, windows: [3], transport: .tty, path: pty.path)]
            $0.idCard.waitSeconds = 2
        }
        do {
            let b = hall.browser
            try await b.setViewport(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("#idcard-start .lang-mn")
            try await BilingualPagesTests.expectFontLoaded(b)
            try await hall.screenshot("kiosk-1080x1920-bilingual-home")
            try await BilingualPagesTests.expectClean(b, "kiosk with the card buttons")
            #expect(try await Self.onScreen(b, "#choose button"), "every button of the kiosk is on the screen, above its footer")

            // The booking code: the keypad's words, the page's own refusal and halld's, in both scripts.
            try await b.click("#check-in")
            try await b.waitVisible("#check-in-keypad")
            #expect(try await b.text("#check-in-keypad button[data-key=\"清空\"] .lang-zh") == "清空")
            #expect(try await b.text("#check-in-view .prompt .lang-zh") == "请输入6位预约码")
            try await b.click("#check-in-submit")
            let empty = try await Self.refusal(b, "#check-in-error")
            #expect(empty.zh == "请输入6位预约码。" && empty.mn.contains("6"), "\(empty)")
            for digit in "123456" { try await b.click("#check-in-keypad button[data-key=\"\(digit)\"]") }
            try await b.click("#check-in-submit")
            try await b.waitUntil("halld's refusal", "return document.getElementById('check-in-error').textContent.includes('预约码不正确');")
            let unknown = try await Self.refusal(b, "#check-in-error")
            #expect(unknown.zh.hasPrefix("预约码不正确") && unknown.mn.contains("\u{183A}"), "\(unknown)")
            try await BilingualPagesTests.expectClean(b, "kiosk check-in refused")
            try await hall.screenshot("kiosk-1080x1920-bilingual-check-in-refused")
            try await b.click("#check-in-cancel")

            // The ID card: the prompt, the ticket, and the same card again refused with its ticket number.
            try await b.click("#idcard-start")
            try await b.waitVisible("button.idcard-service[data-service=agriculture] .lang-mn")
            #expect(try await b.text("#idcard-title .lang-zh") == "刷身份证取号：请选择业务")
            try await b.click("button.idcard-service[data-service=agriculture]")
            try await b.waitVisible("#idcard-prompt .lang-mn")
            #expect(try await b.text("#idcard-prompt").contains(BilingualPagesTests.mongolianAgriculture))
            try await BilingualPagesTests.expectClean(b, "kiosk card prompt")
            try await hall.screenshot("kiosk-1080x1920-bilingual-card-prompt")
            emulator.place(0)
            let number = try await b.waitVisible("#idcard-ticket-number")
            let facts = try await b.text("#idcard-ticket-facts")
            #expect(facts.contains("前面还有 0 人") && facts.contains("ᠬᠦᠮᠦᠨ"), "\(facts)")
            #expect(try await b.text("#idcard-ticket-label .lang-zh") == "您的号码")
            try await BilingualPagesTests.expectClean(b, "kiosk card ticket")
            #expect(try await Self.onScreen(b, "#idcard-ticket button"), "完成 is on the screen")
            try await hall.screenshot("kiosk-1080x1920-bilingual-card-ticket")
            try await b.click("#idcard-done")
            try await b.click("#idcard-start")
            try await b.waitVisible("button.idcard-service[data-service=agriculture]")
            try await b.click("button.idcard-service[data-service=agriculture]")
            let again = try await Self.refusal(b, "#idcard-error")
            #expect(again.zh.contains("您已有该业务的号码 \(number)") && again.mn.contains(number), "\(again)")
            #expect(again.mn.unicodeScalars.contains { (0x1820...0x1878).contains($0.value) })
            try await BilingualPagesTests.expectClean(b, "kiosk card refused")
            try await hall.screenshot("kiosk-1080x1920-bilingual-card-refused")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("hall screen 1920×1080 with 12 windows: two columns of cards, none clipped, the list within the screen")
    func manyWindows() async throws {
        let hall = try await BilingualPagesTests.bilingualHall { c in
            let services = c.services.map(\.id)
            c.windows = (1...12).map { ServiceWindow(number: $0, name: "\($0)号窗口", serviceIDs: services) }
        }
        do {
            try await hall.createAccount("clerk", roles: [.clerk])
            let clerk = try await hall.signIn("clerk")
            for _ in 0..<12 { try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: BrowserHarness.kioskToken) }
            for window in [1, 6, 7, 12] { try await hall.api("POST", "/api/windows/\(window)/call-next", [:], token: clerk) }
            let b = hall.browser
            try await b.setViewport(width: 1920, height: 1080)
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil("twelve window cards", "return document.querySelectorAll('#windows li').length === 12;")
            try await BilingualPagesTests.expectFontLoaded(b)
            try await hall.screenshot("screen-1920x1080-bilingual-12-windows")
            try await b.waitUntil("the cards fit", timeout: .seconds(5),
                """
                const list = document.getElementById('windows'), main = list.closest('main');
                return list.getBoundingClientRect().bottom <= main.getBoundingClientRect().bottom + 1
                  && [...list.children].every((li) => li.scrollWidth <= li.clientWidth + 1);
                """)
            let columns = try await b.script(
                "return new Set([...document.querySelectorAll('#windows li')].map((li) => Math.round(li.getBoundingClientRect().left))).size;")
            #expect(columns as? Int == 2)
            let height = try await b.height("#windows li[data-window='12'] .window-ticket")
            #expect(height >= 48, "the called ticket is \(height) px tall")
            #expect(try await b.text("#windows li[data-window='12'] .window-ticket") != "—")
            let inMain = try await b.overlappingElements(in: "main")
            #expect(inMain == [], "overlapping \(inMain)")
            try await BilingualPagesTests.expectClean(b, "hall screen, 12 windows")
            try await HallScreenBoxes.expectHeld(b, "hall screen, 12 windows")
            try await hall.screenshot("screen-1920x1080-bilingual-12-windows")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
