import Foundation
import HallCore
import Testing

/// The material-capture component of the clerk console (`/console/captures.js`) in headless
/// Chromium, against the demo hall's scanners (SANE's `test` backend through libsane).
@Suite("Capture component in headless Chromium", .serialized)
struct CaptureComponentTests {
    @Test("mount → 扫描 → the thumbnail appears → the case PDF downloads → a page is deleted")
    func scanInTheConsole() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("clerk1", roles: [.clerk])
            let token =
                try await hall.api("POST", "/api/session", ["username": "clerk1", "password": BrowserHarness.staffPassword])["token"] as! String
            let opened = try await hall.api(
                "POST", "/api/cases",
                [
                    "item": "senior-allowance", "window": 1,
                    "applicant": ["kind": "person", "name": "王秀英", "idNumber": "150626198503121230", "phone": "13904771234"],
                ], token: token)
            let caseID = try #require(opened["id"] as? Int)

            let b = hall.browser
            try await b.open(hall.url("/console/"))
            try await b.waitVisible("#login-form")
            try await b.type("#username", "clerk1")
            try await b.type("#password", BrowserHarness.staffPassword)
            try await b.click("#login-button")
            try await b.waitVisible("#work-view")
            // What the case screens do for each checklist row.
            try await b.script(
                """
                const row = document.createElement('div');
                row.className = 'captures card';
                row.dataset.case = arguments[0];
                row.dataset.material = 'id-card';
                document.getElementById('work-view').prepend(row);
                window.HallCaptures.mount(row, { caseRef: row.dataset.case, materialID: row.dataset.material });
                """, [String(caseID)])
            try await b.waitUntil("the component to load", "return document.querySelector('.captures .hc-status').textContent === '尚未采集';")
            try await hall.screenshot("20-captures-empty")

            try await b.click(".captures .hc-scan")
            try await b.waitUntil(
                "the thumbnail to appear",
                "const i = document.querySelector('.captures .hc-page img'); return !!i && i.complete && i.naturalWidth > 0;")
            #expect(try await b.text(".captures .hc-status") == "已采集 1 页")
            #expect(try await b.script("return document.querySelector('.captures .hc-page img').naturalWidth") as? Int ?? 0 <= 320)
            try await hall.screenshot("21-captures-scanned")

            // The case's PDF, as the link downloads it (with the clerk's session cookie).
            try await b.waitVisible(".captures .hc-pdf")
            try await b.script(
                """
                const link = document.querySelector('.captures .hc-pdf');
                window.__pdf = null;
                fetch(link.href).then(async (r) => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  window.__pdf = { status: r.status, type: r.headers.get('content-type'),
                                   disposition: r.headers.get('content-disposition'),
                                   head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
                });
                """)
            try await b.waitUntil("the PDF download", "return window.__pdf !== null;")
            let pdf = try #require(try await b.script("return window.__pdf") as? [String: Any])
            #expect(pdf["status"] as? Int == 200 && pdf["type"] as? String == "application/pdf")
            #expect(pdf["head"] as? String == "%PDF-" && (pdf["size"] as? Int ?? 0) > 1000)
            #expect((pdf["disposition"] as? String)?.contains("attachment") == true)
            #expect(try await b.script("return document.querySelector('.captures .hc-pdf').hasAttribute('download')") as? Bool == true)

            // Deleting asks once more, then the page is gone.
            try await b.click(".captures .hc-delete")
            #expect(try await b.text(".captures .hc-delete") == "确认删除")
            try await b.click(".captures .hc-delete")
            try await b.waitUntil("the page to go", "return document.querySelectorAll('.captures .hc-page').length === 0;")
            #expect(try await b.text(".captures .hc-status") == "尚未采集")
            let listing = try await hall.api("GET", "/api/cases/\(caseID)/captures", token: token)
            #expect((listing["captures"] as? [Any])?.isEmpty == true)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
