import Foundation
import Testing

@testable import HallCore

/// AB posts: who may hold them, B covering while A is away, and what a clerk taking a window is told.
@Suite struct WindowPostsTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func postHoldersAreActiveWindowStaff() throws {
        #expect(throws: PostError.unknownStaff("ghost")) { try WindowPosts.validate("ghost", account: nil) }
        var clerk = StaffAccount(username: "li.na", displayName: "李娜", roles: [.clerk])
        #expect(throws: Never.self) { try WindowPosts.validate("li.na", account: clerk) }
        clerk.isActive = false
        #expect(throws: PostError.inactiveStaff("li.na")) { try WindowPosts.validate("li.na", account: clerk) }
        let reviewer = StaffAccount(username: "rev", displayName: "审核", roles: [.reviewer])
        #expect(throws: PostError.notWindowStaff("rev")) { try WindowPosts.validate("rev", account: reviewer) }
        #expect(throws: PostError.sameStaff("li.na")) { try WindowPosts.assign(WindowPost(window: 3), a: "li.na", b: "li.na") }
    }

    @Test func bCoversWhileAIsAway() throws {
        var post = try WindowPosts.assign(WindowPost(window: 3), a: "li.na", b: "zhao.qiang")
        #expect(post.onDuty == "li.na")
        post = try WindowPosts.setAway(post, away: true, reason: " 年休假 ", at: now)
        #expect(post.onDuty == "zhao.qiang" && post.aAway && post.awayReason == "年休假" && post.awaySince == now)
        #expect(throws: PostError.alreadyAway(window: 3)) { try WindowPosts.setAway(post, away: true, reason: nil, at: now) }
        post = try WindowPosts.setAway(post, away: false, reason: nil, at: now)
        #expect(post.onDuty == "li.na" && !post.aAway && post.awaySince == nil)
        #expect(throws: PostError.notAway(window: 3)) { try WindowPosts.setAway(post, away: false, reason: nil, at: now) }
        let noB = try WindowPosts.assign(WindowPost(window: 4), a: "li.na", b: nil)
        #expect(throws: PostError.noBackup(window: 4)) { try WindowPosts.setAway(noB, away: true, reason: nil, at: now) }
        #expect(throws: PostError.noAPost(window: 5)) { try WindowPosts.setAway(WindowPost(window: 5), away: true, reason: nil, at: now) }
        // Clearing B ends the absence: nobody would cover it.
        let away = try WindowPosts.setAway(
            try WindowPosts.assign(WindowPost(window: 3), a: "li.na", b: "zhao.qiang"), away: true, reason: nil, at: now)
        #expect(!(try WindowPosts.assign(away, a: "li.na", b: nil)).aAway)
    }

    @Test func aClerkWhoIsNeitherAnorBIsWarned() throws {
        let post = try WindowPosts.assign(WindowPost(window: 3), a: "li.na", b: "zhao.qiang")
        let lina = StaffRef(username: "li.na", displayName: "李娜")
        #expect(WindowPosts.check(post, username: "li.na", onDuty: lina).role == .a)
        #expect(WindowPosts.check(post, username: "li.na", onDuty: lina).warning == nil)
        #expect(WindowPosts.check(post, username: "zhao.qiang", onDuty: lina).role == .b)
        let stranger = WindowPosts.check(post, username: "wang", onDuty: lina)
        #expect(
            stranger.role == .none && stranger.warning?.contains("不是3号窗口的A岗或B岗") == true
                && stranger.warning?.contains("当前值岗：李娜") == true)
        let away = try WindowPosts.setAway(post, away: true, reason: nil, at: now)
        #expect(WindowPosts.check(away, username: "li.na", onDuty: nil).warning?.contains("离岗") == true)
        // A window without posts: anyone, no warning.
        let open = WindowPosts.check(nil, username: "wang", onDuty: nil)
        #expect(open.role == .unassigned && open.warning == nil)
    }
}
