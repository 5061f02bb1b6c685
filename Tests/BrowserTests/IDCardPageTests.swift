import Foundation
import HallEmulators
import HallIDCard
import HallServer
import Testing

/// The ID card on the kiosk and the console in real headless Chromium, the hall reading an
/// emulated reader through a real pty.
@Suite("ID card pages in headless Chromium", .serialized)
struct IDCardPageTests {
    @Test("card on the kiosk → ticket printed; the same card again is refused; the console's case form filled from the card")
    func kioskAndConsole() async throws {
        let emulator = VirtualIDCardReader(cards: IDCardFixture.demo)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-idcard-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pty = try VirtualIDCardReaderPTY(reader: emulator, linkPath: folder.appendingPathComponent("ttyIDCard").path)
        defer {
            pty.stop()
            try? FileManager.default.removeItem(at: folder)
        }
        let hall = try await BrowserHarness { c in
            c.hardware.idCardReaders = [.init(kiosk: true, windows: [3], transport: .tty, path: pty.path)]
            c.idCard.waitSeconds = 2
        }
        do {
            let b = hall.browser
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("#idcard-start")
            try await b.click("#idcard-start")
            try await b.waitVisible("button.idcard-service[data-service=social-insurance]")
            try await b.click("button.idcard-service[data-service=social-insurance]")
            try await b.waitVisible("#idcard-prompt")
            try await hall.screenshot("idcard-01-kiosk-place-card")
            emulator.place(0)  // the resident places the card while the kiosk waits
            #expect(try await b.waitVisible("#idcard-ticket-number") == "B001")
            #expect(try await b.text("#idcard-holder") == "（韩*梅）")
            #expect(try await b.text("#idcard-ticket-service") == "社保医保")
            try await b.waitUntil("printed", "return document.getElementById('idcard-print').textContent.includes('号票已打印');")
            try await hall.screenshot("idcard-02-kiosk-ticket")

            // The same card for the same service: refused with the ticket it already holds.
            try await b.click("#idcard-done")
            try await b.click("#idcard-start")
            try await b.waitVisible("button.idcard-service[data-service=social-insurance]")
            try await b.click("button.idcard-service[data-service=social-insurance]")
            let refusal = try await b.waitVisible("#idcard-error")
            #expect(refusal.contains("您已有该业务的号码 B001"), "\(refusal)")
            #expect(try await hall.api("GET", "/api/status")["issuedToday"] as? Int == 1)
            try await hall.screenshot("idcard-03-kiosk-refused")

            // The console: the clerk reads the card at window 3, checks it, fills the case form.
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await b.open(hall.url("/console/"))
            try await hall.signInOnPage("clerk3")
            try await b.waitVisible("#work-view")
            try await b.script("const s = document.getElementById('window-select'); s.value = '3'; s.dispatchEvent(new Event('change'));")
            try await b.tap("#console-tabs button[data-view=cases]")
            try await b.tap("#case-new")
            try await b.waitVisible("#case-open-form")
            emulator.place(2)
            try await b.tap("#idcard-read")
            let summary = try await b.waitVisible("#idcard-summary")
            #expect(summary.contains("王建国") && summary.contains("150626194803080014"))
            #expect(
                try await b.script("return document.getElementById('case-name').value") as? String == "",
                "nothing filled before the clerk confirms")
            try await hall.screenshot("idcard-04-console-confirm")
            try await b.tap("#idcard-fill")
            #expect(try await b.script("return document.getElementById('case-name').value") as? String == "王建国")
            #expect(try await b.script("return document.getElementById('case-id-number').value") as? String == "150626194803080014")
            #expect(
                try await b.script("return document.getElementById('case-address').value") as? String
                    == "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇示例路3号")
            #expect(try await b.text("#idcard-summary") == "", "the preview is cleared once filled")
            try await hall.screenshot("idcard-05-console-filled")

            // A card removed during the read: a clear message, nothing filled.
            try await b.tap("#case-new")
            emulator.inject(.cardRemoved, times: 1)
            try await b.tap("#idcard-read")
            let error = try await b.waitVisible("#idcard-read-error")
            #expect(error.contains("证件被移开"))
            #expect(try await b.script("return document.getElementById('case-name').value") as? String == "")
        } catch {
            try? await hall.screenshot("idcard-failure")
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
