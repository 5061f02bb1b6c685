import Foundation
import HallCore
import Testing

/// Pairing in headless Chromium at the devices' real sizes: the admin page (an office PC,
/// 1366×768) issues a code, the kiosk page (a portrait kiosk, 1080×1920) takes it and issues a
/// ticket; the kiosk revoked on the admin page is refused and asks to be paired again; a hall
/// screen (1920×1080) pairs from the form in its footer.
@Suite("Device pairing in headless Chromium", .serialized)
struct DevicePairingTests {
    @Test("admin page issues a code → the kiosk pairs and issues a ticket → revoked, the kiosk is refused")
    func pairKiosk() async throws {
        let hall = try await BrowserHarness()
        do {
            try await hall.createAccount("head1", roles: [.head])
            let b = hall.browser

            try await b.setWindowSize(width: 1366, height: 768)
            try await hall.signIn(at: "/admin/", as: "head1")
            try await b.tap("nav.tabs button[data-tab=devices]")
            try await b.waitVisible("#pairing-form")
            try await b.script("const k = document.getElementById('pairing-kind'); k.value = 'kiosk'; k.dispatchEvent(new Event('change'));")
            try await b.type("#pairing-name", "大厅东侧取号机")
            try await b.tap("#pairing-issue")
            let code = try await b.waitVisible("#pairing-code")
            #expect(code.count == 6 && code.allSatisfy(\.isNumber), "\(code)")
            #expect(try await b.text("#pairing-detail").contains("/kiosk/"))
            try await hall.screenshot("pairing-01-admin-code")

            try await b.setWindowSize(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/"))
            try await b.waitVisible("#setup-form")
            let wrong = code == "000000" ? "000001" : "000000"
            try await b.type("#setup-token", wrong)
            try await b.click("#setup-form button[type=submit]")
            let refusal = try await b.waitVisible("#error")
            #expect(refusal.contains("配对码不正确"), "\(refusal)")
            try await b.type("#setup-token", code)
            try await b.click("#setup-form button[type=submit]")
            try await b.waitVisible("button[data-service=social-insurance]")
            let kept = try await b.script("return localStorage.getItem('hall.kioskToken')") as? String
            #expect((kept?.count ?? 0) >= 40 && kept != code, "the kiosk keeps its long-lived token, not the code")
            try await hall.screenshot("pairing-02-kiosk-paired")
            try await b.click("button[data-service=social-insurance]")
            #expect(try await b.waitVisible("#ticket-number") == "B001")
            try await hall.screenshot("pairing-03-kiosk-ticket")

            try await b.setWindowSize(width: 1366, height: 768)
            try await b.open(hall.url("/admin/"))
            try await b.tap("nav.tabs button[data-tab=devices]")
            try await b.waitVisible("tr[data-device=kiosk-p1]")
            #expect(try await b.text("tr[data-device=kiosk-p1]").contains("大厅东侧取号机"))
            #expect(try await b.text("[data-last-seen=kiosk-p1]") != "-", "the kiosk's last contact")
            try await b.script("window.confirm = () => true;")
            try await b.tap("button[data-revoke=kiosk-p1]")
            try await b.waitUntil(
                "the kiosk to show as revoked",
                "const r = document.querySelector('tr[data-device=kiosk-p1]'); return !!r && r.textContent.includes('已停用');")
            try await hall.screenshot("pairing-04-admin-revoked")
            let (status, _) = try await hall.send("POST", "/api/tickets", ["service": "social-insurance"], token: kept)
            #expect(status == 401, "a revoked token is refused at once")

            try await b.setWindowSize(width: 1080, height: 1920)
            try await b.open(hall.url("/kiosk/"))
            try await b.waitVisible("#setup-form")
            #expect(try await b.waitVisible("#error").contains("设备令牌无效"))
            #expect(try await b.script("return localStorage.getItem('hall.kioskToken')") == nil, "the revoked token is forgotten")
            try await hall.screenshot("pairing-05-kiosk-revoked")

            // A hall screen shows the calls unpaired, with a small pairing form in its footer.
            try await b.setWindowSize(width: 1920, height: 1080)
            try await b.open(hall.url("/screen/"))
            try await b.waitVisible("#pair-form")
            let head = try await hall.signIn("head1")
            let screenCode = try #require(try await hall.api("POST", "/api/pairing-codes", ["kind": "screen"], token: head)["code"] as? String)
            try await b.type("#pair-code", screenCode)
            try await b.click("#pair-form button[type=submit]")
            try await b.waitUntil("the screen to be paired", "return document.getElementById('pair-form').hidden === true;")
            let screenToken = try await b.script("return localStorage.getItem('hall.screen.deviceToken')") as? String
            #expect(try await hall.send("GET", "/api/session", token: screenToken).0 == 200)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
