import Foundation
import HallCore
import Testing

/// The department review page (`/review/`) shows the scanned pages of a case routed to the
/// reviewer's department, read-only (`/console/captures.js` in read-only mode), in headless
/// Chromium; the pages are scanned through the demo hall's scanners (SANE's `test` backend).
@Suite("Scanned materials on the review page in headless Chromium", .serialized)
struct ReviewCapturesTests {

    @Test(
        """
        a clerk scans a page and accepts the case → the routed reviewer sees the thumbnail, opens the image, downloads the \
        PDF, nothing to scan or delete, a new page arrives live → a reviewer of another department is refused
        """)
    func reviewerSeesScannedPages() async throws {
        let hall = try await BrowserHarness { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            try await hall.createAccount("li.na", roles: [.clerk], displayName: "李娜")
            try await hall.createAccount("mz.wang", roles: [.reviewer], displayName: "王敏", department: "civil-affairs")
            try await hall.createAccount("sw.zhao", roles: [.reviewer], displayName: "赵强", department: "tax")
            let clerk = try await hall.signIn("li.na")
            let opened = try await hall.api(
                "POST", "/api/cases",
                [
                    "item": "senior-allowance", "window": 2,
                    "applicant": ["kind": "person", "name": "王秀英", "idNumber": "150626198503121230", "phone": "13904771234"],
                ], token: clerk)
            let id = try #require(opened["id"] as? Int)
            let scanned = try await hall.api("POST", "/api/cases/\(id)/captures", ["material": "id-card"], token: clerk)
            #expect((scanned["captures"] as? [Any])?.count == 1)
            let materials = ["id-card", "household-register", "application", "photo", "bank-card"]
            let accepted = try await hall.api(
                "POST", "/api/cases/\(id)/pre-review",
                ["marks": materials.map { ["material": $0, "status": "received"] }], token: clerk)
            #expect(accepted["outcome"] as? String == "accepted")
            let number = try #require((accepted["case"] as? [String: Any])?["number"] as? String)

            // The civil-affairs reviewer opens the case: its scanned page, read-only.
            let b = hall.browser
            try await b.open(hall.url("/review/"))
            try await hall.signInOnPage("mz.wang")
            try await b.waitVisible("#review-view")
            try await b.waitUntil("the routed case", "return !!document.querySelector('#inbox tr[data-case=\"\(number)\"]');")
            try await b.tap("#inbox tr[data-case=\"\(number)\"]")
            try await b.waitVisible("#decision-form")
            try await b.waitUntil(
                "the thumbnail",
                """
                const i = document.querySelector('#review-captures .hc-page img');
                return !!i && i.complete && i.naturalWidth > 0;
                """)
            #expect(try await b.text("#review-captures .hc-status") == "共 1 页")
            #expect(try await b.text("#review-captures .hc-page figcaption") == "居民身份证 第1页")
            #expect(
                try await b.script(
                    """
                    return document.querySelectorAll('#review-captures .hc-scan, #review-captures .hc-adf, #review-captures .hc-delete').length
                    """) as? Int == 0, "a reviewer neither scans nor deletes")
            try await hall.screenshot("30-review-scanned-pages")

            // The image behind the thumbnail and the case's PDF, as the page's links fetch them (session cookie).
            try await b.script(
                """
                window.__fetched = null;
                const image = document.querySelector('#review-captures .hc-page a');
                const pdf = document.querySelector('#review-captures .hc-pdf');
                Promise.all([image.href, pdf.href].map(async (url) => {
                  const r = await fetch(url);
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  return { status: r.status, type: r.headers.get('content-type'), size: bytes.length,
                           head: String.fromCharCode(...bytes.slice(0, 5)) };
                })).then((answers) => { window.__fetched = { target: image.target, download: pdf.hasAttribute('download'), answers }; });
                """)
            try await b.waitUntil("the image and the PDF", "return window.__fetched !== null;")
            let fetched = try #require(try await b.script("return window.__fetched") as? [String: Any])
            let answers = try #require(fetched["answers"] as? [[String: Any]])
            #expect(fetched["target"] as? String == "_blank" && fetched["download"] as? Bool == true)
            #expect(answers.first?["status"] as? Int == 200 && (answers.first?["type"] as? String)?.hasPrefix("image/") == true)
            #expect((answers.first?["size"] as? Int ?? 0) > 10_000, "the full image, larger than its thumbnail")
            #expect(answers.last?["status"] as? Int == 200 && answers.last?["type"] as? String == "application/pdf")
            #expect(answers.last?["head"] as? String == "%PDF-")
            #expect(try await b.text("#review-captures .hc-pdf") == "下载本办件扫描材料 PDF")

            // Choosing a decision re-renders the detail; the pages stay (not fetched again).
            try await b.script("document.getElementById('review-captures').dataset.kept = 'yes';")
            try await b.tap("#decision-form button[data-decision=rejected]")
            try await b.waitVisible("#decision-text")
            #expect(try await b.script("return document.getElementById('review-captures').dataset.kept") as? String == "yes")

            // The clerk scans a further page: it appears on the review page live.
            try await hall.api("POST", "/api/cases/\(id)/captures", ["material": "application"], token: clerk)
            try await b.waitUntil("the new page", "return document.querySelectorAll('#review-captures .hc-page').length === 2;")
            #expect(try await b.text("#review-captures .hc-status") == "共 2 页")
            #expect(
                try await b.script(
                    """
                    return [...document.querySelectorAll('#review-captures figcaption')].map((f) => f.textContent).join('|')
                    """) as? String == "居民身份证 第1页|高龄津贴申请表 第1页")
            let thumbnail = try #require(try await b.script("return document.querySelector('#review-captures .hc-page img').src") as? String)
            try await hall.screenshot("31-review-scanned-pages-live")
            try await b.tap("#logout")
            try await b.waitVisible("#login-form")

            // A reviewer of another department, following a link: refused, no pages, the image refused too.
            try await b.open(hall.url("/review/?case=\(number)"))
            try await hall.signInOnPage("sw.zhao")
            let refusal = try await b.waitVisible("#error")
            #expect(refusal == "案件\(number)未分送“乌兰陶勒盖税务分局”审核，本部门无权查看。")
            #expect(try await b.script("return document.getElementById('review-captures') === null") as? Bool == true)
            try await b.script(
                """
                window.__refused = null;
                fetch(arguments[0], { cache: 'no-store' }).then((r) => { window.__refused = r.status; });  // not the first reviewer's cached copy
                """, [thumbnail])
            try await b.waitUntil("the refused thumbnail", "return window.__refused !== null;")
            #expect(try await b.script("return window.__refused") as? Int == 403)
            try await hall.screenshot("32-review-scanned-pages-other-department")
            try await b.tap("#logout")
            try await b.waitVisible("#login-form")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
