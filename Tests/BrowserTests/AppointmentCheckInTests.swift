import Foundation
import HallCore
import Testing

/// The kiosk's appointment check-in in headless Chromium: a booking code keyed in on the kiosk's
/// keypad gives a priority ticket on screen (and on the demo hall's virtual ticket printer).
@Suite("Appointment check-in in headless Chromium", .serialized)
struct AppointmentCheckInTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test("kiosk: 预约签到 → booking code on the keypad → priority ticket shown; a wrong code shows the API's message")
    func kioskCheckIn() async throws {
        // Wednesday 2026-12-02: the head opens Saturday 12-05, a clerk books it (two working days ahead).
        let clock = ManualClock(LocalDay("2026-12-02")!.instant(minutesAfterMidnight: 600, in: Self.zone))
        let hall = try await BrowserHarness(clock: clock) {
            $0.dataDirectory = BrowserHarness.dataDirectory
            $0.devicesDirectory = BrowserHarness.devicesDirectory
        }
        do {
            try await hall.createAccount("zhao.head", roles: [.head])
            try await hall.createAccount("wang.fang", roles: [.clerk])
            let head =
                try await hall.api("POST", "/api/session", ["username": "zhao.head", "password": BrowserHarness.staffPassword])["token"] as! String
            let clerk =
                try await hall.api("POST", "/api/session", ["username": "wang.fang", "password": BrowserHarness.staffPassword])["token"] as! String
            let slot = try await hall.api(
                "POST", "/api/appointment-slots",
                [
                    "day": "2026-12-05", "start": "09:00", "end": "11:30",
                    "capacity": 4, "service": "comprehensive",
                ], token: head)
            let slotID = try #require((slot["slot"] as? [String: Any])?["id"] as? Int)
            let booked = try await hall.api(
                "POST", "/api/appointments",
                [
                    "slot": slotID, "item": "senior-allowance", "name": "张三丰",
                    "phone": "13904771234", "request": "申请高龄津贴",
                ], token: clerk)
            let code = try #require((booked["appointment"] as? [String: Any])?["code"] as? String)
            clock.set(LocalDay("2026-12-05")!.instant(minutesAfterMidnight: 9 * 60 + 5, in: Self.zone))

            let b = hall.browser
            try await b.open(hall.url("/kiosk/?device-token=\(BrowserHarness.kioskToken)"))
            try await b.waitVisible("#check-in")
            try await hall.screenshot("appointments-01-kiosk")
            try await b.click("#check-in")
            try await b.waitVisible("#check-in-keypad")
            for digit in "000000" { try await b.click("#check-in-keypad button[data-key=\"\(digit)\"]") }
            if code == "000000" { try await b.script("document.getElementById('check-in-code').value = '111111';") }
            try await b.click("#check-in-submit")
            let message = try await b.waitVisible("#check-in-error")
            #expect(message.contains("预约码不正确"))

            try await b.click("#check-in-keypad button[data-key=\"清空\"]")
            for digit in code { try await b.click("#check-in-keypad button[data-key=\"\(digit)\"]") }
            #expect(try await b.script("return document.getElementById('check-in-code').value") as? String == code)
            try await hall.screenshot("appointments-02-keypad")
            try await b.click("#check-in-submit")
            let number = try await b.waitVisible("#checkin-ticket-number")
            #expect(number == "A001")
            #expect(try await b.text("#checkin-service") == "综合窗口")
            #expect(try await b.text("#checkin-who").contains("张*丰"))
            #expect(try await b.text("#check-in-result .priority") == "预约优先")
            #expect(
                try await b.script("return document.body.innerText.includes('13904771234') || document.body.innerText.includes('张三丰')") as? Bool
                    == false,
                "the kiosk shows masked data only")
            try await hall.screenshot("appointments-03-priority-ticket")

            let status = try await hall.api("GET", "/api/tickets/A001")
            #expect((status["ticket"] as? [String: Any])?["priority"] as? String == "appointment")
            try await b.click("#check-in-done")
            try await b.waitVisible("button[data-service=comprehensive]")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }

    @Test("head opens a slot on /admin/ (预约与上门 tab); a clerk books it on /console/ and finds it by phone")
    func adminAndConsole() async throws {
        let clock = ManualClock(LocalDay("2026-12-02")!.instant(minutesAfterMidnight: 600, in: Self.zone))
        let hall = try await BrowserHarness(clock: clock) {
            $0.dataDirectory = BrowserHarness.dataDirectory
            $0.devicesDirectory = BrowserHarness.devicesDirectory
        }
        do {
            try await hall.createAccount("zhao.head", roles: [.head])
            try await hall.createAccount("wang.fang", roles: [.clerk], displayName: "王芳")
            let b = hall.browser
            try await b.setViewport(width: 1366, height: 768)
            try await b.open(hall.url("/admin/"))
            try await b.waitVisible("#login-form")
            try await b.type("#username", "zhao.head")
            try await b.type("#password", BrowserHarness.staffPassword)
            try await b.click("#login-button")
            try await b.waitVisible("#admin-view")
            try await b.click("button[data-tab=appointments]")
            try await b.waitVisible("#slot-form")
            #expect(try await b.script("return document.getElementById('tab-accounts').classList.contains('hidden')") as? Bool == true)
            // A weekday is refused with the API's message; the Saturday opens.
            // People and items are picked from lists by name: no field asks for a user name or an id.
            try await b.waitVisible("#slot-staff input[value='wang.fang']")
            let staffList = try await b.text("#slot-staff")
            #expect(staffList.contains("王芳") && !staffList.contains("wang.fang"), "\(staffList)")
            #expect(try await b.text("#slot-items").contains("最低生活保障申请"))
            let formText = try await b.text("#slot-form")
            #expect(!formText.contains("用户名") && !formText.contains("编号"), "\(formText)")
            #expect(try await b.horizontalOverflow() == [])
            #expect(try await b.overlappingElements() == [])
            try await b.script("document.getElementById('slot-day').value = '2026-12-03';")
            try await b.click("#slot-staff input[value='wang.fang']")
            try await b.click("#slot-form button[type=submit]")
            #expect(try await b.waitVisible("#error").contains("法定工作日"))
            try await b.script("document.getElementById('slot-day').value = '2026-12-05';")
            try await b.click("#slot-form button[type=submit]")
            try await b.waitUntil("the new slot row", "return document.getElementById('slots').textContent.includes('2026-12-05 09:00–11:30');")
            #expect(try await b.text("#slots").contains("王芳"))
            try await hall.screenshot("appointments-04-admin-slots")

            // A home-visit request is approved by ticking the staff by name (no prompt for user names).
            let head = try await hall.signIn("zhao.head")
            let visit = try await hall.api(
                "POST", "/api/visits",
                [
                    "channel": "phone", "applicant": ["name": "李秀英", "phone": "13904771234"], "eligibility": "elderly",
                    "item": "senior-allowance", "address": "乌兰陶勒盖镇巴音敖包嘎查3组", "preferredDay": "2026-12-04",
                    "preferredTime": "上午", "request": "申请高龄津贴",
                ], token: head)
            let visitNumber = try #require(visit["number"] as? String)
            try await b.click("button[data-tab=appointments]")
            try await b.waitVisible("tr[data-visit='\(visitNumber)'] details summary")
            try await b.click("tr[data-visit='\(visitNumber)'] details summary")
            try await b.click("[data-visit-staff='\(visitNumber)'] input[value='wang.fang']")
            try await b.click("[data-visit-approve='\(visitNumber)']")
            try await b.waitUntil(
                "the approved visit leaves the review list",
                "return !document.querySelector(\"tr[data-visit='\(visitNumber)']\");")
            let approved = try await hall.api("GET", "/api/visits/\(visitNumber)", token: head)
            #expect(approved["state"] as? String == "approved", "\(approved)")
            try await b.click("button[data-tab=audit]")
            try await b.waitUntil(
                "the audit tab",
                "return !document.getElementById('tab-audit').classList.contains('hidden') "
                    + "&& document.getElementById('tab-appointments').classList.contains('hidden');"
            )
            try await b.click("#logout")
            try await b.waitVisible("#login-form")

            try await b.open(hall.url("/console/"))
            try await b.waitVisible("#login-form")
            try await b.type("#username", "wang.fang")
            try await b.type("#password", BrowserHarness.staffPassword)
            try await b.click("#login-button")
            // The console opens on the queue; appointments and home visits are a tab of their own.
            try await b.waitVisible("#closing-card")
            #expect(try await b.script("return document.getElementById('appointments-section').classList.contains('hidden');") as? Bool == true)
            try await b.tap("#console-tabs button[data-view=appointments]")
            try await b.waitVisible("#appointments-section")
            let hidden =
                try await b.script(
                    """
                    return ['#work-view > .grid', '#closing-card', '#cases-view']
                      .map((s) => document.querySelector(s).classList.contains('hidden')).join(',');
                    """) as? String
            #expect(hidden == "true,true,true", "only the 预约与上门 panel is shown")
            #expect(
                try await b.script("return document.querySelector('#console-tabs button[data-view=appointments]').classList.contains('active');")
                    as? Bool == true)
            try await b.waitUntil(
                "the slot list",
                "return document.querySelectorAll('#appt-slot option').length === 1 && document.querySelectorAll('#appt-item option').length > 5;")
            try await b.script("document.getElementById('appt-item').value = 'senior-allowance';")
            try await b.type("#appt-name", "张三丰")
            try await b.type("#appt-phone", "13904771234")
            try await b.type("#appt-request", "申请高龄津贴")
            try await b.click("#appt-form button[type=submit]")
            let code = try await b.waitVisible("#appt-code")
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            #expect(try await b.text("#appt-booked").contains("居民户口簿"))
            try await hall.screenshot("appointments-05-console-booked")
            try await b.click("[data-appt-tab=lookup]")
            try await b.type("#appt-lookup", "13904771234")
            try await b.click("#appt-lookup-form button[type=submit]")
            try await b.waitUntil("the booking found", "return document.getElementById('appt-found').textContent.includes('已预约');")
            #expect(try await b.text("#appt-found").contains("高龄津贴申请"))
            try await b.click("[data-appt-tab=duty]")
            try await b.waitUntil("the duty list", "return document.getElementById('appt-duty').textContent.includes('2026-12-05');")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
