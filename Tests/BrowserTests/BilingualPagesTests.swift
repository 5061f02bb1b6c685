import Foundation
import HallCore
import HallServer
import HallTestSupport
import Testing

/// A bilingual hall (`center.languages = ["mn", "zh"]`) in headless Chromium at the devices' real
/// sizes: the kiosk (1080×1920), the hall screen (1920×1080), the ticket's status page (390×844)
/// and the rating pad. Mongolian is set vertically in Noto Sans Mongolian served by halld, comes
/// before the Chinese at the same size, and nothing overflows. Screenshots in artifacts/screenshots/.
@Suite("Bilingual resident pages in headless Chromium", .serialized)
struct BilingualPagesTests {
    static let mongolianCenter = "ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ ᠪᠠᠭ᠎ᠠ ᠬᠣᠲᠠ"
    static let mongolianAgriculture = "ᠬᠥᠳᠡᠭᠡ ᠠᠵᠤ ᠠᠬᠤᠢ"

    /// The demo hall configured bilingual; `configure` changes the rest.
    static func bilingualHall(configure: (inout HallConfiguration) -> Void = { _ in }) async throws -> BrowserHarness {
        try await BrowserHarness {
            $0.dataDirectory = BrowserHarness.dataDirectory
            $0.center.languages = ["mn", "zh"]
            $0.center.mongolianName = mongolianCenter
            if let i = $0.services.firstIndex(where: { $0.id == "agriculture" }) { $0.services[i].mongolianName = mongolianAgriculture }
            configure(&$0)
        }
    }

    /// Every `.bi` group on the page that is shown: Mongolian vertical, before (left of) the
    /// Chinese, at the same font size. Returns the problems found, and how many groups were checked.
    static func checkGroups(_ b: WebDriver) async throws -> (problems: [String], groups: Int) {
        let answer = try await b.script(
            """
            const problems = [];
            let groups = 0;
            for (const g of document.querySelectorAll('.bi')) {
              if (!g.offsetParent) continue;
              groups++;
              const mn = g.querySelector(':scope > .lang-mn'), zh = g.querySelector(':scope > .lang-zh');
              if (!mn || !zh) { problems.push('incomplete group: ' + g.textContent); continue; }
              const m = mn.getBoundingClientRect(), z = zh.getBoundingClientRect();
              if (getComputedStyle(mn).writingMode !== 'vertical-lr') problems.push('not vertical: ' + mn.textContent);
              if (m.left > z.left) problems.push('Mongolian after Chinese: ' + zh.textContent);
              if (getComputedStyle(mn).fontSize !== getComputedStyle(zh).fontSize) problems.push('sizes differ: ' + zh.textContent);
              if (!/[\\u1820-\\u1842]/.test(mn.textContent)) problems.push('no Mongolian letters: ' + mn.textContent);
            }
            const strip = document.getElementById('center-mn'), name = document.querySelector('[data-center]');
            if (strip && name) {
              if (strip.getBoundingClientRect().left !== 0) problems.push('the name strip is not at the left edge');
              if (getComputedStyle(strip).fontSize !== getComputedStyle(name).fontSize) problems.push('the name strip and the name differ in size');
            }
            return [problems, groups];
            """) as? [Any] ?? []
        return ((answer.first as? [String]) ?? ["no answer"], (answer.last as? Int) ?? 0)
    }

    /// The Mongolian font loaded from halld (not a system fallback): `document.fonts` has it loaded.
    static func expectFontLoaded(_ b: WebDriver) async throws {
        try await b.waitUntil(
            "Noto Sans Mongolian from halld", timeout: .seconds(10),
            "return [...document.fonts].some((f) => f.family.includes('Hall Mongolian') && f.status === 'loaded');")
        #expect(try await b.script("return document.fonts.check('40px \"Hall Mongolian\"', 'ᠳ᠋ᠤᠭᠠᠷ');") as? Bool == true)
    }

    static func expectClean(_ b: WebDriver, _ page: String) async throws {
        let (problems, groups) = try await checkGroups(b)
        #expect(problems == [], "\(page): \(problems)")
        #expect(groups > 0, "\(page): no bilingual text shown")
        let overflow = try await b.horizontalOverflow()
        #expect(overflow == [], "\(page): horizontal overflow \(overflow)")
    }

    @Test("kiosk 1080×1920 and its ticket: Mongolian columns first, the font from halld, nothing overflowing")
    func kiosk() async throws {
        let hall = try await Self.bilingualHall()
        do {
            try await hall.api("POST", "/api/tickets", ["service": "agriculture"], token: BrowserHarness.kioskToken)
            let b = hall.browser
            try await b.setViewport(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("button[data-service=agriculture]")
            try await Self.expectFontLoaded(b)
            #expect(try await b.script("return document.documentElement.classList.contains('bilingual');") as? Bool == true)
            #expect(try await b.text("#center-mn") == Self.mongolianCenter)
            #expect(try await b.text("#center").contains("乌兰陶勒盖镇便民服务中心"))
            #expect(try await b.text("button[data-service=agriculture] .name .lang-mn") == Self.mongolianAgriculture)
            #expect(try await b.text("[data-wait=agriculture] .lang-zh") == "等候 1 人 · 现在取号约 10 分钟")
            let wait = try await b.text("[data-wait=agriculture] .lang-mn")
            #expect(wait.contains("1") && wait.contains("10") && wait.contains("ᠮᠢᠨᠦᠲ"), "\(wait)")
            try await Self.expectClean(b, "kiosk")
            try await hall.screenshot("kiosk-1080x1920-bilingual")

            try await b.click("button[data-service=agriculture]")
            try await b.waitVisible("#ticket-number")
            let facts = try await b.text("#ticket-facts")
            #expect(facts.contains("前面还有 1 人") && facts.contains("ᠬᠦᠮᠦᠨ"), "\(facts)")
            #expect(try await b.text("#back-line .lang-zh").hasSuffix("秒后自动返回首页"))
            try await Self.expectClean(b, "kiosk ticket")
            try await hall.screenshot("kiosk-1080x1920-bilingual-ticket")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("hall screen 1920×1080: the call in Mongolian before the Chinese, numbers still ≥100 px")
    func hallScreen() async throws {
        let hall = try await Self.bilingualHall()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let clerk = try await hall.signIn("clerk3")
            try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: BrowserHarness.kioskToken)
            let b = hall.browser
            try await b.setViewport(width: 1920, height: 1080)
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil("the event stream", "return !!window.hallScreen && window.hallScreen.state.online;")
            try await hall.api("POST", "/api/windows/3/call-next", [:], token: clerk)
            try await b.waitUntil("the call", timeout: .seconds(5), "return !!document.querySelector('#latest-call .lang-mn');")
            try await Self.expectFontLoaded(b)
            let call = try await b.text("#latest-call .lang-mn")
            #expect(call.contains("B001") && call.contains("3") && call.contains("ᠴᠣᠩᠬᠤ"), "\(call)")
            let order = try await b.script(
                """
                const mn = document.querySelector('#latest-call .lang-mn').getBoundingClientRect();
                const zh = document.getElementById('latest-number').getBoundingClientRect();
                return mn.right <= zh.left + 1;
                """) as? Bool
            #expect(order == true, "the Mongolian call stands before the Chinese one")
            for selector in ["#latest-number", "#latest-window", "#windows li[data-window='3'] .window-number"] {
                let height = try await b.height(selector)
                #expect(height >= 100, "\(selector) is \(height) px tall")
            }
            #expect(try await b.text("#windows li[data-window='3'] .window-name .lang-mn").contains("ᠴᠣᠩᠬᠤ"))
            #expect(try await b.text("#center-mn") == Self.mongolianCenter)
            let inMain = try await b.overlappingElements(in: "main")
            #expect(inMain == [], "overlapping \(inMain)")
            try await Self.expectClean(b, "hall screen")
            try await HallScreenBoxes.expectHeld(b, "hall screen")
            try await hall.screenshot("screen-1920x1080-bilingual")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("hall screen 1920×1080: the call banner holds its Mongolian, with window 12 (a long name) and a five-character ticket")
    func callBanner() async throws {
        let hall = try await Self.bilingualHall { c in
            if let i = c.services.firstIndex(where: { $0.id == "social-insurance" }) { c.services[i].prefix = "WM" }
            c.windows.append(ServiceWindow(number: 12, name: "12号综合受理窗口（社保、医保、农牧业）", serviceIDs: c.services.map(\.id)))
        }
        do {
            try await hall.createAccount("clerk", roles: [.clerk])
            let clerk = try await hall.signIn("clerk")
            try await hall.api("POST", "/api/tickets", ["service": "social-insurance"], token: BrowserHarness.kioskToken)
            let b = hall.browser
            try await b.setViewport(width: 1920, height: 1080)
            try await b.open(hall.url("/screen/?mute=1"))
            try await b.waitUntil("the event stream", "return !!window.hallScreen && window.hallScreen.state.online;")
            try await hall.api("POST", "/api/windows/12/call-next", [:], token: clerk)
            try await b.waitUntil("the call", timeout: .seconds(5), "return !!document.querySelector('#latest-call .lang-mn');")
            try await Self.expectFontLoaded(b)
            let call = try await b.text("#latest-call .lang-mn")
            #expect(call.contains("WM001") && call.contains("12"), "\(call)")
            // The Mongolian column and its glyphs (a word longer than its column included) inside the banner and the call.
            let outside = try await b.script(
                """
                const banner = document.querySelector('.latest').getBoundingClientRect(), call = document.getElementById('latest-call');
                const mn = call.querySelector('.lang-mn'), words = document.createRange();
                words.selectNodeContents(mn);
                const problems = [];
                for (const [what, r] of [['column', mn.getBoundingClientRect()], ['glyphs', words.getBoundingClientRect()]]) {
                  if (r.top < banner.top - 1 || r.bottom > banner.bottom + 1 || r.left < banner.left - 1 || r.right > banner.right + 1) {
                    problems.push(what + ' ' + JSON.stringify([r.top, r.bottom]) + ' outside the banner '
                      + JSON.stringify([banner.top, banner.bottom]));
                  }
                }
                if (call.scrollHeight > call.clientHeight + 1) problems.push('the call clipped: ' + call.scrollHeight + ' > ' + call.clientHeight);
                return problems;
                """) as? [String]
            #expect(outside == [], "call banner: \(outside ?? ["no answer"])")
            for selector in ["#latest-number", "#latest-window"] {
                let height = try await b.height(selector)
                #expect(height >= 100, "\(selector) is \(height) px tall")
            }
            try await Self.expectClean(b, "hall screen, window 12")
            try await HallScreenBoxes.expectHeld(b, "hall screen, window 12")
            try await hall.screenshot("screen-1920x1080-bilingual-call-12")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("status page 390×844 and the rating pad: Mongolian first, the advice after a missed call in both")
    func statusAndPad() async throws {
        let hall = try await Self.bilingualHall()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            let clerk = try await hall.signIn("clerk3")
            var ids: [Int] = []
            for _ in 0..<2 {
                let issued = try await hall.api("POST", "/api/tickets", ["service": "veterans"], token: BrowserHarness.kioskToken)
                ids.append(try #require((issued["ticket"] as? [String: Any])?["id"] as? Int))
            }
            let b = hall.browser
            try await b.setViewport(width: 390, height: 844)
            try await b.open(hall.url("/t/?id=\(ids[1])"))
            try await b.waitUntil("the facts", "return !document.getElementById('waiting-bi').classList.contains('hidden');")
            try await Self.expectFontLoaded(b)
            #expect(try await b.text("#waiting-bi").contains("前面还有 1 人"))
            #expect(try await b.text("#state .lang-zh") == "等候中")
            try await Self.expectClean(b, "status page")
            try await hall.screenshot("status-390-bilingual")
            for _ in 0..<2 {
                try await hall.api("POST", "/api/windows/4/call-next", [:], token: clerk)
                try await hall.api("POST", "/api/windows/4/skip", [:], token: clerk)
            }
            try await b.waitUntil("the advice", timeout: .seconds(10), "return !!document.querySelector('#advice .lang-mn');")
            #expect(try await b.text("#advice .lang-zh").contains("请到任一窗口向工作人员说明"))
            try await Self.expectClean(b, "status page no-show")
            try await hall.screenshot("status-390-bilingual-no-show")

            try await b.setViewport(width: 1280, height: 800)
            try await b.open(hall.url("/pad/?device-token=\(BrowserHarness.padToken)"))
            try await b.waitVisible("#idle .welcome")
            try await Self.expectFontLoaded(b)
            #expect(try await b.text("#idle .welcome .lang-zh") == "欢迎您！")
            // The title line: the window in both scripts, its Mongolian column inside the bar, nothing below the pad's height.
            try await b.waitUntil("the pad's title", "return !!document.querySelector('#title .lang-mn');")
            let title = try await b.text("#title .lang-zh"), titleMn = try await b.text("#title .lang-mn")
            let window = try #require(title.firstMatch(of: /^(\d+)号窗口 · 服务评价$/)?.1, "\(title)")
            #expect(titleMn.hasPrefix("\(window) ") && titleMn.contains("ᠴᠣᠩᠬᠤ"), "\(titleMn)")
            let outside = try await b.script(
                """
                const bar = document.querySelector('header.bar').getBoundingClientRect();
                const mn = document.querySelector('#title .lang-mn'), words = document.createRange();
                words.selectNodeContents(mn);  // the glyphs, with a word longer than its column
                const problems = [];
                for (const r of [mn.getBoundingClientRect(), words.getBoundingClientRect()]) {
                  if (r.top < bar.top || r.bottom > bar.bottom || r.right > bar.right) {
                    problems.push('title outside the bar: ' + r.bottom + ' > ' + bar.bottom);
                  }
                }
                if (document.documentElement.scrollHeight > innerHeight) problems.push('page taller than the pad');
                return problems;
                """) as? [String]
            #expect(outside == [], "rating pad: \(outside ?? ["no answer"])")
            try await Self.expectClean(b, "rating pad")
            try await hall.screenshot("pad-1280x800-bilingual")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("the head corrects a Mongolian draft on the admin page (1366×768); the kiosk shows it at once")
    func correctOnAdminPage() async throws {
        let hall = try await Self.bilingualHall()
        do {
            try await hall.createAccount("head", roles: [.head])
            let b = hall.browser
            try await b.setViewport(width: 1366, height: 768)
            try await b.open(hall.url("/admin/"))
            try await hall.signInOnPage("head")
            try await b.waitVisible("button[data-tab=imports]")
            try await b.click("button[data-tab=imports]")
            try await b.waitVisible("#wording-card")
            #expect(try await b.text("#wording-summary").contains("未审校"))
            let row = "tr[data-wording='page.kiosk.prompt']"
            #expect(try await b.text("\(row) td:nth-child(2)") == "请点击您要办理的业务取号")
            let corrected = "ᠲᠠᠪᠲᠠᠢ ᠮᠣᠷᠢᠯᠠᠭᠲᠤᠨ"
            try await b.script(
                "const t = document.querySelector(arguments[0] + ' textarea'); t.value = arguments[1]; "
                    + "document.querySelector(arguments[0] + ' input[type=checkbox]').checked = true;", [row, corrected])
            try await b.click("\(row) button[data-save]")
            try await b.waitUntil(
                "the correction saved", timeout: .seconds(10), "return /head 于/.test(document.querySelector(\"\(row)\").textContent);")
            #expect(try await b.horizontalOverflow() == [])
            try await hall.screenshot("admin-1366-wording")

            try await b.setViewport(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("button[data-service=agriculture]")
            #expect(try await b.text(".prompt .lang-mn") == corrected)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
