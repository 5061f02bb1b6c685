import Foundation
import HallCore
import HallTestSupport
import Testing

/// The head's pages in headless Chromium: reports with charts and CSV, catalog and calendar
/// imports through file uploads, AB posts with the console's on-duty banner.
@Suite("Admin pages in headless Chromium", .serialized)
struct AdminPageTests {
    /// Fetches the link of `selector` inside the page (with its session cookie) as the browser would
    /// download it, and returns `status\nfirst three bytes in hex\ntext` (the text keeps a BOM).
    static func fetchInPage(_ b: WebDriver, _ selector: String) async throws -> String {
        try await b.script(
            """
            window.hallFetched = null;
            fetch(document.querySelector(\(WebDriver.jsString(selector))).href).then(async (r) => {
              const bytes = new Uint8Array(await r.arrayBuffer());
              const head = [...bytes.slice(0, 3)].map((x) => x.toString(16)).join('');
              window.hallFetched = r.status + '\\n' + head + '\\n' + new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
            });
            """)
        try await b.waitUntil("the download", "return window.hallFetched !== null;")
        return try await b.script("return window.hallFetched;") as? String ?? ""
    }

    @Test("from 1 November the admin page and the head's console warn that next year's calendar is not imported; the QR address")
    func calendarWarning() async throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let clock = ManualClock(LocalDay("2026-11-02")!.instant(minutesAfterMidnight: 600, in: zone))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            try await hall.createAccount("head", roles: [.head])
            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signInOnPage("head")
            try await b.waitVisible("#hall-warnings")
            #expect(try await b.text("#hall-warnings").contains("2027年官方节假日安排尚未导入"))
            // The address that tickets' QR codes carry, as /healthz reports it.
            try await b.waitUntil("the QR address", "return document.getElementById('public-url').textContent.length > 0;")
            #expect(try await b.text("#public-url").hasPrefix("票据二维码地址：http://127.0.0.1:"))
            try await hall.screenshot("admin-calendar-warning")
            try await b.open(hall.url("/console/"))
            try await b.waitVisible("#hall-warnings")
            #expect(try await b.text("#hall-warnings").contains("2027年"))
            clock.set(LocalDay("2026-10-30")!.instant(minutesAfterMidnight: 600, in: zone))
            try await b.open(hall.url("/admin/"))
            try await b.waitVisible("#admin-view")
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await b.script("return document.getElementById('hall-warnings').classList.contains('hidden')") as? Bool == true)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("the 报表 tab draws the charts and its CSV download has the right counts")
    func reports() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let clerk = try await hall.signIn("clerk3")
            for _ in 0..<3 { try await hall.serveTicket("社保医保", at: 3, clerk: clerk) }
            let done = try await hall.serveTicket("综合窗口", at: 1, clerk: clerk)
            try await hall.api("POST", "/api/tickets", ["service": "民政残联"], token: BrowserHarness.kioskToken)
            try await hall.api("POST", "/api/tickets", ["service": "民政残联"], token: BrowserHarness.kioskToken)
            try await hall.api("POST", "/api/windows/4/call-next", token: clerk)
            try await hall.api("POST", "/api/windows/4/skip", token: clerk)
            try await hall.api(
                "POST", "/api/tickets/\(done.id)/rating",
                ["key": hall.server.queue.keys.key(for: Int64(done.id)), "level": "satisfied"])
            // The staff ledger of the day: an evening of extended service and an hour of appointment duty.
            let head = try await hall.signIn("head")
            let day = hall.server.reports.service.today().description
            for (kind, from, to) in [("extended", "17:30", "18:15"), ("appointment", "09:00", "10:00")] {
                try await hall.api(
                    "POST", "/api/ledger/entries",
                    [
                        "staff": "clerk3", "kind": kind, "start": "\(day)T\(from):00+08:00",
                        "end": "\(day)T\(to):00+08:00", "note": "报表测试",
                    ], token: head)
            }

            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signIn("head", showing: "#admin-view")
            try await b.click("button[data-tab=reports]")
            try await b.waitUntil("the charts", "return document.querySelectorAll('#chart-services svg rect.bar').length === 18;")
            #expect(try await b.text("[data-figure=issued]") == "6")
            #expect(try await b.text("[data-figure=served]") == "4")
            #expect(try await b.text("[data-figure=no-shows]") == "1")
            #expect(try await b.text("[data-figure=satisfaction]") == "100.0%")
            #expect(try await b.text("[data-figure=extended-hours]") == "45")
            #expect(try await b.text("[data-figure=appointment-minutes]") == "60")
            let ledgerRow =
                try await b.script(
                    """
                    return [...document.querySelector('#report-ledger tr[data-staff=clerk3]').cells].map(c => c.textContent).join(',');
                    """) as? String
            #expect(ledgerRow == "测试clerk3,60,45,105", "the ledger's minutes per staff member")
            let row =
                try await b.script(
                    """
                    return [...document.querySelector('#report-services tr[data-service=social-insurance]').cells].map(c => c.textContent).join(',');
                    """) as? String
            #expect(row?.hasPrefix("社保医保,3,3,0,0,") == true, "\(row ?? "")")
            let served =
                try await b.script(
                    """
                    return [...document.querySelectorAll('#chart-services rect.bar[data-series="办结"]')].map(r => r.dataset.value).join(',');
                    """) as? String
            #expect(served == "1,3,0,0,0,0", "the bars carry the counts per service")
            #expect(try await b.script("return document.querySelectorAll('#chart-ratings rect.bar').length") as? Int == 5)
            try await hall.screenshot("30-admin-report-daily")
            try await b.script("document.getElementById('chart-services').scrollIntoView();")
            try await hall.screenshot("30-admin-report-daily-charts")

            let csv = try await Self.fetchInPage(b, "#report-csv")
            #expect(csv.hasPrefix("200\nefbbbf\n") && csv.contains("报表,"), "UTF-8 with BOM: \(csv.prefix(40))")
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines.contains { $0.hasPrefix("社保医保,3,3,0,0,") } && lines.contains { $0.hasPrefix("民政残联,2,0,1,0,") })
            #expect(lines.contains { $0.hasPrefix("合计,6,4,1,0,") } && lines.contains("满意,1") && lines.contains("满意率,100.0%"))
            #expect(lines.contains("测试clerk3,60,45,105") && lines.contains("合计,60,45,105"), "the ledger's block in the CSV")
            #expect(
                try await b.script("return document.getElementById('report-csv').getAttribute('download')") as? String
                    == "hall-report-\(hall.server.reports.service.today()).csv")

            try await b.script("const s = document.getElementById('report-kind'); s.value = 'monthly'; s.dispatchEvent(new Event('change'));")
            try await b.click("#report-run")
            try await b.waitUntil("the monthly line chart", "return document.querySelectorAll('#chart-days svg circle.point').length >= 28;")
            let monthly = try await Self.fetchInPage(b, "#report-csv")
            let today = hall.server.reports.service.today().description
            #expect(monthly.components(separatedBy: "\r\n").contains("\(today),6,4,1"), "the day's row in the monthly CSV")
            try await b.script("document.getElementById('chart-days').scrollIntoView();")
            try await hall.screenshot("31-admin-report-monthly")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("catalog and calendar imports through the page: file upload, the imported items and covered years shown")
    func imports() async throws {
        let hall = try await BrowserHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await hall.createAccount("head", roles: [.head])
            // A new edition of the catalog: the sample minus its last item.
            let sample = try Data(contentsOf: PackagePaths.url("data/catalog/sample-catalog.json"))
            var catalog = try #require(try JSONSerialization.jsonObject(with: sample) as? [String: Any])
            let items = try #require(catalog["items"] as? [Any])
            catalog["items"] = Array(items.dropLast())
            catalog["version"] = "2026-11 测试版"
            let edition = folder.appendingPathComponent("catalog-2026-11.json")
            try JSONSerialization.data(withJSONObject: catalog).write(to: edition)
            let broken = folder.appendingPathComponent("broken.json")
            try Data("{ 不是 JSON".utf8).write(to: broken)

            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signIn("head", showing: "#admin-view")
            try await b.click("button[data-tab=imports]")
            try await b.waitUntil("the shipped catalog", "return document.querySelectorAll('#catalog-items tr').length === \(items.count);")
            try await b.waitUntil("the covered years", "return document.getElementById('calendar-years').textContent === '2025、2026';")

            try await b.type("#catalog-file", broken.path)
            try await b.click("#catalog-import")
            #expect(try await b.waitVisible("#error") == "文件“broken.json”不是有效的 JSON，请检查后重新选择。")

            try await b.type("#catalog-file", edition.path)
            try await b.click("#catalog-import")
            let result = try await b.waitText("#catalog-import-result")
            #expect(result == "已导入事项目录：\(items.count - 1) 项（2026-11 测试版）。")
            try await b.waitUntil("the new catalog", "return document.querySelectorAll('#catalog-items tr').length === \(items.count - 1);")
            #expect(try await b.text("#catalog-version").contains("2026-11 测试版"))
            #expect(try await b.text("#catalog-items").contains("城乡居民基本养老保险参保登记"))
            try await hall.screenshot("32-admin-catalog-imported")

            // The server's own refusal: 2025 is already imported unless replacing.
            try await b.type("#calendar-file", PackagePaths.url("data/calendar/cn-2025.json").path)
            try await b.click("#calendar-import")
            let refusal = try await b.waitVisible("#error")
            #expect(refusal.contains("2025"), "\(refusal)")
            try await b.click("#calendar-replace")
            try await b.click("#calendar-import")
            #expect(try await b.waitText("#calendar-import-result") == "已导入 2025 年节假日安排。")
            #expect(try await b.text("#calendar-years") == "2025、2026")
            try await hall.screenshot("33-admin-calendar-imported")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("AB posts on the windows tab; the console shows who is on duty and warns a clerk who is neither A nor B")
    func posts() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("head", roles: [.head])
            for clerk in ["clerk1", "clerk3", "clerk5"] { try await hall.createAccount(clerk, roles: [.clerk]) }
            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signIn("head", showing: "#admin-view")
            try await b.click("button[data-tab=windows]")
            try await b.waitVisible("select[data-post-a='3']")
            try await b.script(
                """
                const a = document.querySelector("select[data-post-a='3']"), b = document.querySelector("select[data-post-b='3']");
                a.value = 'clerk3'; b.value = 'clerk1';
                """)
            try await b.click("button[data-post-save='3']")
            try await b.waitUntil("A on duty", "return document.querySelector(\"[data-on-duty='3']\").textContent === '测试clerk3（A岗）';")
            try await b.script("window.prompt = () => '年休假';")
            try await b.click("button[data-post-away='3']")
            try await b.waitUntil("B covering", "return document.querySelector(\"[data-on-duty='3']\").textContent === '测试clerk1（B岗顶岗）';")
            #expect(try await b.text("tr[data-window='3']").contains("A岗离岗：年休假"))
            try await hall.screenshot("34-admin-ab-posts")

            try await b.click("#logout")
            try await b.open(hall.url("/console/"))
            try await hall.signIn("clerk5", showing: "#work-view")
            try await b.script("const s = document.getElementById('window-select'); s.value = '3'; s.dispatchEvent(new Event('change'));")
            let warning = try await b.waitVisible("#post-warning-text")
            #expect(warning.contains("您不是3号窗口的A岗或B岗（当前值岗：测试clerk1）"))
            #expect(try await b.text("#post-duty") == "当前值岗：测试clerk1")
            try await hall.screenshot("35-console-not-on-post")
            try await b.click("#post-confirm")
            try await b.waitUntil("the warning to go", "return document.getElementById('post-warning').classList.contains('hidden');")
            // The on-duty banner stays above the tabs whichever tab is shown.
            try await b.tap("#console-tabs button[data-view=appointments]")
            try await b.waitVisible("#appointments-section")
            #expect(try await b.text("#post-duty") == "当前值岗：测试clerk1")
            let records = try await hall.auditTargets(actor: "clerk5")
            #expect(records.contains("POST /api/posts/3/check"), "taking the window as neither A nor B is on the record")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
