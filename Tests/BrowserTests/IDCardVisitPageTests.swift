import Foundation
import HallCore
import HallEmulators
import HallIDCard
import HallServer
import Testing

/// The console's identity check of a home visit in headless Chromium: the applicant's card on the
/// reader of the clerk's window (an emulated reader on a pty), compared by halld.
@Suite("A home visit's identity check on the console in headless Chromium", .serialized)
struct IDCardVisitPageTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test("核验身份 on an approved visit: the card on the window's reader; another person's card is said clearly")
    func identityCheck() async throws {
        let emulator = VirtualIDCardReader(cards: IDCardFixture.demo)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-idcard-visit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pty = try VirtualIDCardReaderPTY(reader: emulator, linkPath: folder.appendingPathComponent("ttyIDCard").path)
        defer {
            pty.stop()
            try? FileManager.default.removeItem(at: folder)
        }
        // Thursday 2026-09-24: a request for Tuesday 09-29 (two working days ahead), approved for 09-30.
        let clock = ManualClock(LocalDay("2026-09-24")!.instant(minutesAfterMidnight: 600, in: Self.zone))
        let hall = try await BrowserHarness(clock: clock) { c in
            c.dataDirectory = BrowserHarness.dataDirectory
            c.devicesDirectory = BrowserHarness.devicesDirectory
            c.hardware.idCardReaders = [.init(kiosk: false, windows: [3], transport: .tty, path: pty.path)]
            c.idCard.waitSeconds = 2
        }
        do {
            try await hall.createAccount("zhao.head", roles: [.head])
            try await hall.createAccount("wang.fang", roles: [.clerk])
            let head = try await hall.signIn("zhao.head")
            let clerk = try await hall.signIn("wang.fang")
            let visit = try await hall.api(
                "POST", "/api/visits",
                [
                    "channel": "phone", "eligibility": "disabled", "item": "senior-allowance", "address": "嘎鲁图镇示例路1号",
                    "preferredDay": "2026-09-29", "request": "申请高龄津贴",
                    "applicant": ["name": "韩梅梅", "phone": "13904771234", "idNumber": "150626199005170026"],
                ], token: clerk)
            let number = try #require(visit["number"] as? String)
            try await hall.api(
                "POST", "/api/visits/\(number)/approve", ["day": "2026-09-30", "time": "09:30", "staff": ["wang.fang"]], token: head)

            let b = hall.browser
            try await b.open(hall.url("/console/"))
            try await hall.signInOnPage("wang.fang")
            try await b.waitVisible("#work-view")
            try await b.script("const s = document.getElementById('window-select'); s.value = '3'; s.dispatchEvent(new Event('change'));")
            try await b.script("window.alert = (m) => { window.lastAlert = m; };")
            try await b.tap("#console-tabs button[data-view=appointments]")
            try await b.tap("button[data-appt-tab=visits]")
            let button = "tr[data-visit='\(number)'] button.visit-identity"
            _ = try await b.waitVisible(button)
            emulator.place(0)
            try await b.tap(button)
            try await b.waitUntil("identity checked", "return !!window.lastAlert;")
            let said = try await b.script("return window.lastAlert;") as? String ?? ""
            #expect(said.contains("身份核验通过") && said.contains("韩*梅") && !said.contains("韩梅梅"), "\(said)")
            let stateCell = "document.querySelector(\"tr[data-visit='\(number)'] td.visit-state\").textContent"
            try await b.waitUntil("row updated", "return \(stateCell).includes('身份已核验');")
            try await hall.screenshot("idcard-06-console-visit-verified")

            try await b.script("window.lastAlert = null;")
            emulator.place(1)
            try await b.tap(button)
            try await b.waitUntil("second check", "return !!window.lastAlert;")
            let other = try await b.script("return window.lastAlert;") as? String ?? ""
            #expect(other.contains("证件不是申请人本人的"), "\(other)")
            try await b.waitUntil("row marked", "return \(stateCell).includes('身份核验未通过');")
        } catch {
            try? await hall.screenshot("idcard-visit-failure")
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
