import Foundation
import HallCore
import Testing

/// The head's 回告督办 tab on /admin/ in headless Chromium: follow-ups of every kind in one list,
/// each closed there through its own kind's route (Wed 2026-11-25, official calendar loaded).
@Suite("Follow-up board page in headless Chromium", .serialized)
struct FollowUpBoardPageTests {

    @Test("a resident's follow-up due today is listed; 显示全部 adds a bad rating's not yet due; closing needs a note")
    func boardTab() async throws {
        let clock = ManualClock(LocalDay("2026-11-25")!.instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!))
        let hall = try await BrowserHarness(clock: clock) { $0.dataDirectory = BrowserHarness.dataDirectory }
        do {
            try await hall.createAccount("clerk3", roles: [.clerk])
            try await hall.createAccount("head", roles: [.head])
            let clerk = try await hall.signIn("clerk3")
            let opened = try await hall.api(
                "POST", "/api/follow-ups",
                [
                    "subject": "社保卡补办结果", "source": ["kind": "extended", "reference": "B003"], "contactName": "张三丰",
                    "contactPhone": "13904771234", "consent": true, "dueWorkingDays": 0,
                ], token: clerk)
            let residentID = try #require((opened["followUp"] as? [String: Any])?["id"] as? Int)
            let ticket = try await hall.serveTicket("社保医保", at: 3, clerk: clerk)
            try await hall.api("POST", "/api/rating-pad", ["ticket": ticket.id, "level": "dissatisfied"], token: BrowserHarness.padToken)

            let b = hall.browser
            try await hall.signIn(at: "/admin/", as: "head")
            try await b.waitVisible("#admin-view")
            try await b.click("button[data-tab=follow-ups]")
            try await b.waitUntil("the resident's follow-up", "return !!document.querySelector('#due-follow-ups tr[data-kind=follow_up]');")
            #expect(
                try await b.script("return document.querySelectorAll('#due-follow-ups tr[data-kind]').length") as? Int == 1,
                "the rating's follow-up is not due yet")
            let row = try await b.text("#due-follow-ups tr[data-kind=follow_up]")
            for expected in ["告知办理结果", "社保卡补办结果", "张*丰 139****1234", "clerk3", "2026-11-25", "今日到期"] {
                #expect(row.contains(expected), "row lacks \(expected): \(row)")
            }
            #expect(!row.contains("张三丰") && !row.contains("13904771234"))
            #expect(try await b.text("#due-summary").contains("今日到期 1 件"))

            try await b.click("#due-all")
            try await b.waitUntil("the rating's follow-up", "return !!document.querySelector('#due-follow-ups tr[data-kind=rating]');")
            let rating = try await b.text("#due-follow-ups tr[data-kind=rating]")
            for expected in ["差评回访", ticket.number, "不满意", "3号窗口", "中心负责人", "未到期"] {
                #expect(rating.contains(expected), "rating row lacks \(expected): \(rating)")
            }
            try await hall.screenshot("30-admin-follow-up-board")

            let close = "button[data-close=\"follow_up-\(residentID)\"]"
            try await b.click(close)
            #expect(try await b.waitVisible("#error") == "请填写告知结果（告诉了群众什么）或取消原因。", "closing needs a note")
            try await b.type("input[data-note=\"follow_up-\(residentID)\"]", "已电话告知可来领卡")
            try await b.click(close)
            try await b.waitUntil(
                "the closed follow-up to leave the list",
                "return !document.querySelector('#due-follow-ups tr[data-kind=follow_up]');")
            #expect(try await b.script("return document.querySelectorAll('#due-follow-ups tr[data-kind=rating]').length") as? Int == 1)
            let (_, done) = try await hall.send("GET", "/api/follow-ups?state=done", token: try await hall.signIn("head"))
            let closed = try #require((try JSONSerialization.jsonObject(with: done) as? [[String: Any]])?.first?["followUp"] as? [String: Any])
            #expect(closed["id"] as? Int == residentID && closed["result"] as? String == "已电话告知可来领卡" && closed["closedBy"] as? String == "head")
            try await hall.screenshot("31-admin-follow-up-board-closed")
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
