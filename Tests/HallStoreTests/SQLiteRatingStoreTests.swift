import Foundation
import GRDB
import HallCore
import HallTestSupport
import Testing

@testable import HallStore

/// Ratings on SQLite through the real queue: the pad offers the ticket just finished at its window,
/// a ticket is rated once (even when two ratings race), a bad rating opens a follow-up due in working
/// days, the overdue alert is pushed once, closing needs a note.
@Suite("SQLite ratings and AB posts")
struct SQLiteRatingStoreTests {
    struct Hall {
        let database: HallDatabase
        let clock: ManualClock
        let queue: QueueService
        let ratings: RatingService
        let sink = RecordingSink()

        init(_ temp: TemporaryDatabase, at start: Date) throws {
            database = try temp.open()
            try IntakeSeed.seedIfEmpty(database, catalog: nil, schedules: try IntakeData.schedules, at: start)
            clock = ManualClock(start)
            queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: NullSink())
            ratings = RatingService(
                store: SQLiteRatingStore(database), clock: clock,
                settings: RatingSettings(followUpWorkingDays: 3, ratingValidHours: 24, padShowMinutes: 10),
                timeZone: TimeZone(identifier: "Asia/Shanghai")!, sink: sink)
        }

        /// Issues a social-insurance ticket and serves it to the end at `window`.
        func serve(at window: Int, by clerk: String = "clerk3") async throws -> Ticket {
            _ = try await queue.issue(serviceKey: "B")
            _ = try await queue.callNext(window: window, actor: clerk)
            _ = try await queue.start(window: window, actor: clerk)
            clock.advance(300)
            return try await queue.finish(window: window, actor: clerk)
        }
    }

    @Test("the pad offers the ticket just finished at its window, once, for a while")
    func pad() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let hall = try Hall(temp, at: IntakeData.morning("2025-09-30"))
        #expect(try await hall.ratings.padView(window: 3).offer == nil)
        let ticket = try await hall.serve(at: 3)
        let view = try await hall.ratings.padView(window: 3)
        #expect(view.offer?.ticketNumber == ticket.number && view.offer?.serviceName == "社保医保" && view.windowName == "社保")
        #expect(view.levels.map(\.label) == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
        #expect(try await hall.ratings.padView(window: 1).offer == nil, "another window's pad offers nothing")
        await #expect(throws: RatingError.otherWindow(ticket: ticket.number, window: 1)) {
            try await hall.ratings.rateAtPad(window: 1, ticketID: ticket.id, level: .satisfied, device: "pad-1")
        }
        let receipt = try await hall.ratings.rateAtPad(window: 3, ticketID: ticket.id, level: .satisfied, device: "pad-3")
        #expect(receipt.rating.staff == "clerk3" && receipt.rating.window == 3 && receipt.followUp == nil && receipt.message == "感谢您的评价！")
        #expect(try await hall.ratings.padView(window: 3).offer == nil, "rated: the pad goes back to idle")
        await #expect(throws: RatingError.alreadyRated(ticket: ticket.number)) {
            try await hall.ratings.rateAsTicketHolder(ticketID: ticket.id, level: .veryDissatisfied)
        }
        // A later ticket is offered until padShowMinutes have passed.
        let next = try await hall.serve(at: 3)
        hall.clock.advance(599)
        #expect(try await hall.ratings.padView(window: 3).offer?.ticketID == next.id)
        hall.clock.advance(2)
        #expect(try await hall.ratings.padView(window: 3).offer == nil)
        #expect(hall.sink.all.map(\.type) == [.ratingSubmitted])
    }

    @Test("two ratings of one ticket racing: exactly one is stored")
    func race() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let hall = try Hall(temp, at: IntakeData.morning("2025-09-30"))
        let ticket = try await hall.serve(at: 3)
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    do {
                        if i % 2 == 0 {
                            _ = try await hall.ratings.rateAtPad(window: 3, ticketID: ticket.id, level: .satisfied, device: "pad-3")
                        } else {
                            _ = try await hall.ratings.rateAsTicketHolder(ticketID: ticket.id, level: .dissatisfied)
                        }
                        return true
                    } catch { return false }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let stored = try await hall.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM rating") }
        #expect(stored == 1)
    }

    @Test("a bad rating opens a follow-up due in working days; overdue is flagged once; closing needs a note")
    func followUp() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let hall = try Hall(temp, at: IntakeData.morning("2025-09-30"))
        let ticket = try await hall.serve(at: 3)
        let receipt = try await hall.ratings.rateAsTicketHolder(ticketID: ticket.id, level: .dissatisfied)
        let opened = try #require(receipt.followUp)
        // Tue 2025-09-30 + 3 working days over National Day: Thu 10-09, Fri 10-10, Sat 10-11 (make-up day).
        #expect(opened.dueDay == LocalDay("2025-10-11") && opened.staff == "clerk3" && opened.state == .open && !opened.isProvisional)
        #expect(receipt.message.contains("跟进"))
        hall.clock.set(IntakeData.morning("2025-10-11"))
        #expect(try await hall.ratings.checkOverdue().isEmpty)
        #expect(try await hall.ratings.followUps().first?.workingDaysLeft == 0)
        hall.clock.set(IntakeData.morning("2025-10-13"))
        #expect(try await hall.ratings.checkOverdue().map(\.followUp.id) == [opened.id])
        #expect(try await hall.ratings.checkOverdue().count == 1, "still overdue")
        let alerts = hall.sink.all.filter { $0.type == .ratingFollowUpOverdue }
        #expect(alerts.count == 1 && alerts.first?.data?["ticketNumber"] == ticket.number, "pushed once")
        #expect(try await hall.ratings.followUps(openOnly: true).first?.isOverdue == true)

        await #expect(throws: RatingError.noteRequired) { try await hall.ratings.close(followUpID: opened.id, note: " ", actor: "head") }
        let closed = try await hall.ratings.close(followUpID: opened.id, note: "已电话回访并致歉", actor: "head")
        #expect(closed.state == .closed && closed.closedBy == "head" && closed.note == "已电话回访并致歉")
        await #expect(throws: RatingError.followUpClosed(opened.id)) {
            try await hall.ratings.close(followUpID: opened.id, note: "again", actor: "head")
        }
        await #expect(throws: RatingError.unknownFollowUp(999)) { try await hall.ratings.close(followUpID: 999, note: "x", actor: "head") }
        #expect(try await hall.ratings.followUps(openOnly: true).isEmpty)
        let all = try await hall.ratings.followUps()
        #expect(all.count == 1 && all[0].followUp == closed && !all[0].isOverdue)
        #expect(
            hall.sink.all.map(\.type.rawValue) == [
                "rating.submitted", "rating.follow_up_opened", "rating.follow_up_overdue",
                "rating.follow_up_closed",
            ])
        // The ratings of the day, and nothing personal in the stored events.
        #expect(try await hall.ratings.ratings(days: LocalDay("2025-09-30")!...LocalDay("2025-09-30")!).map(\.level) == [.dissatisfied])
    }

    @Test("a ticket not finished, unknown, or too old cannot be rated")
    func refusals() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let hall = try Hall(temp, at: IntakeData.morning("2025-09-30"))
        let waiting = try await hall.queue.issue(serviceKey: "A").ticket
        await #expect(throws: RatingError.notFinished(ticket: waiting.number)) {
            try await hall.ratings.rateAsTicketHolder(ticketID: waiting.id, level: .satisfied)
        }
        await #expect(throws: RatingError.unknownTicket("#404")) { try await hall.ratings.rateAsTicketHolder(ticketID: 404, level: .satisfied) }
        let done = try await hall.serve(at: 3)
        hall.clock.advance(24 * 3600 + 1)
        await #expect(throws: RatingError.expired(ticket: done.number, hours: 24)) {
            try await hall.ratings.rateAsTicketHolder(ticketID: done.id, level: .satisfied)
        }
        #expect(try await hall.ratings.status(ticketID: done.id, holdsKey: true).canRate == false)
    }

    @Test("AB posts: assign, B covers while A is away, a stranger taking the window is logged")
    func posts() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let accounts = SQLiteAccountStore(database)
        let now = IntakeData.morning("2026-11-02")
        for (user, name, roles) in [
            ("li.na", "李娜", [Role.clerk]), ("zhao", "赵强", [.clerk]), ("wang", "王主任", [.head]),
            ("rev", "审核员", [.reviewer]),
        ] {
            try await accounts.create(StaffAccount(username: user, displayName: name, roles: roles), passwordHash: "x", at: now)
        }
        let sink = RecordingSink()
        let posts = PostService(store: SQLitePostStore(database), accounts: accounts, clock: ManualClock(now), sink: sink)
        let initial = try await posts.posts()
        #expect(initial.map(\.window) == [1, 3] && initial.allSatisfy { $0.a == nil })
        await #expect(throws: PostError.notWindowStaff("rev")) { try await posts.assign(window: 3, a: "rev", b: nil, actor: "wang") }
        await #expect(throws: PostError.unknownStaff("nobody")) { try await posts.assign(window: 3, a: "nobody", b: nil, actor: "wang") }
        await #expect(throws: QueueError.unknownWindow(9)) { try await posts.assign(window: 9, a: "li.na", b: nil, actor: "wang") }
        let assigned = try await posts.assign(window: 3, a: "li.na", b: " zhao ", actor: "wang")
        #expect(assigned.a?.displayName == "李娜" && assigned.b?.username == "zhao" && assigned.onDuty?.username == "li.na")
        let away = try await posts.setAway(window: 3, away: true, reason: "年休假", actor: "wang")
        #expect(away.onDuty?.displayName == "赵强" && away.aAway && away.awayReason == "年休假" && away.updatedBy == "wang")
        // Survives a reopen of the database.
        let reopened = PostService(store: SQLitePostStore(try temp.open()), accounts: accounts, clock: ManualClock(now), sink: sink)
        #expect(try await reopened.post(window: 3) == away)
        #expect(try await posts.check(window: 3, username: "zhao").role == .b)
        let stranger = try await posts.check(window: 3, username: "wang")
        #expect(stranger.role == .none && stranger.warning?.contains("当前值岗：赵强") == true)
        #expect(try await posts.check(window: 1, username: "wang").role == .unassigned)
        let back = try await posts.setAway(window: 3, away: false, reason: nil, actor: "wang")
        #expect(back.onDuty?.username == "li.na" && back.awaySince == nil)
        #expect(sink.all.map(\.type) == [.postAssigned, .postAway, .postCover, .postBack])
        #expect(sink.all.first { $0.type == .postCover }?.actor == "wang")
    }
}
