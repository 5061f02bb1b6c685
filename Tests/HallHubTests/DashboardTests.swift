import Foundation
import HallCore
import HallHub
import HallServer
import Testing

/// The banner dashboard's figures, from the events the hub holds, against each hall's own figures
/// (its report code, its queue status, its follow-ups) for the same events.
@Suite(.serialized) struct DashboardTests {
    /// Serves, finishes and rates one ticket at `window` of `hall`.
    static func serveAndRate(_ hall: TestHall, window: Int, _ level: RatingLevel) async throws {
        let queue = hall.server.queue.service
        // A ticket left called at the window is finished first (unrated).
        if try await queue.status().windows.first(where: { $0.window.number == window })?.current != nil {
            _ = try? await queue.start(window: window)
            _ = try await queue.finish(window: window)
        }
        _ = try await queue.callNext(window: window)
        _ = try await queue.start(window: window)
        let done = try await queue.finish(window: window)
        _ = try await hall.server.ratings.service.rateAsTicketHolder(ticketID: done.id, level: level)
    }

    @Test func theDashboardsFiguresEqualEachHallsOwn() async throws {
        let hub = try await BannerAccountTests.hubWithAdministrator()
        let a = try TestHall(id: "town-a", hub: hub.url, code: try await hub.code(for: "town-a"))
        let b = try TestHall(id: "town-b", hub: hub.url, code: try await hub.code(for: "town-b"))
        let window = try #require(a.server.configuration.windows.first?.number)
        try await a.makeEvents(tickets: 30)
        try await b.makeEvents(tickets: 18)
        for level in [RatingLevel.verySatisfied, .dissatisfied, .satisfied, .veryDissatisfied, .basicallySatisfied] {
            try await Self.serveAndRate(a, window: window, level)
        }
        try await Self.serveAndRate(b, window: window, .dissatisfied)
        _ = try await b.server.queue.service.setPaused(true, window: window)
        // One of A's follow-ups is closed by the hall's head: one stays open.
        let followUp = try #require(try await a.server.ratings.service.followUps(openOnly: true).first)
        _ = try await a.server.ratings.service.close(followUpID: followUp.followUp.id, note: "已电话回访", actor: "head")
        try await a.drain()
        try await b.drain()

        let timeZone = a.server.configuration.queue.timeZone
        let day = LocalDay(Date(), in: timeZone)
        var now = Date()
        var board = try await hub.store.dashboard(day: day, at: now)
        var month = try await hub.store.monthly(year: day.year, month: day.month)
        #expect(board.map(\.hall) == ["town-a", "town-b"] && month.halls.map(\.hall) == ["town-a", "town-b"])
        try await Self.expectEachHallsOwn(board, month, [a, b], day: day)
        #expect(board[0].badRatings == 2 && board[0].openFollowUps == 1 && board[1].windowsOpen == board[0].windowsOpen - 1)

        // Today's ticket states move batch by batch (the hall sends 50 events a batch): more tickets,
        // a transfer, another rating, and the figures still equal each hall's own; the same as
        // the ticket states rebuilt in one go from every event held.
        try await a.makeEvents(tickets: 12)
        _ = try? await a.server.queue.service.callNext(window: window)
        let current = try #require(try await a.server.queue.service.status().windows.first { $0.window.number == window }?.current)
        let other = try #require(a.server.configuration.services.map(\.id).first { $0 != current.serviceID })
        let moved = try await a.server.queue.service.transfer(window: window, toService: other, toWindow: nil)
        #expect(moved.serviceID == other && moved.state == .waiting)
        try await Self.serveAndRate(a, window: window, .veryDissatisfied)
        _ = try await a.server.queue.service.setPaused(true, window: window)
        try await a.drain()
        now = Date()
        board = try await hub.store.dashboard(day: day, at: now)
        month = try await hub.store.monthly(year: day.year, month: day.month)
        try await Self.expectEachHallsOwn(board, month, [a, b], day: day)
        #expect(board[0].badRatings == 3 && board[0].ticketsIssued == 30 + 12 && board[0].windowsOpen == board[1].windowsOpen)
        try await hub.store.rebuildFromEvents()
        #expect(try await hub.store.dashboard(day: day, at: now) == board)
        #expect(try await hub.store.monthly(year: day.year, month: day.month) == month)

        // Through HTTP, signed in as a banner head: the same figures, and the month as CSV.
        let admin = BannerClient(hub.url)
        try await admin.signIn("chief", BannerAccountTests.adminPassword)
        let head = BannerAccountCreation(username: "leader", displayName: "王旗长", role: .head, password: "oversee-2026")
        #expect(try await admin.send("POST", "/api/accounts", json: head).status == 201)
        let leader = BannerClient(hub.url)
        #expect(try await leader.get("/api/dashboard?day=\(day)").status == 401)
        try await leader.signIn("leader", "oversee-2026")
        let answer = try await leader.get("/api/dashboard?day=\(day)")
        let decoded = try HallJSON.decoder().decode(HubDashboard.self, from: answer.body)
        #expect(decoded.halls.map(\.ticketsIssued) == board.map(\.ticketsIssued))
        #expect(try await leader.get("/api/dashboard?day=2026-13-40").status == 400)
        let csv = try await leader.get("/api/dashboard/monthly.csv?month=\(month.month)")
        #expect(csv.status == 200 && csv.text.contains("town-a,town-a 便民服务中心,\(month.month),\(month.halls[0].ticketsIssued),"))
        // Nothing about residents crossed: no 11-digit runs anywhere in what the hub holds.
        let held = try hub.postgres.psql("SELECT body::text FROM hall_event", database: "hub")
        #expect(held.range(of: #"[0-9]{11}"#, options: .regularExpression) == nil)
        try await Self.theClosedDayFromItsRollUpIsTheSame(hub, a, day: day, now: now, board: board, month: month)
        a.remove()
        b.remove()
        await hub.shutdown()
    }

    /// The hub's figures of `day` and its month against each hall's own report, queue status and follow-ups.
    static func expectEachHallsOwn(
        _ board: [HubHallDay], _ month: HubMonthlyComparison, _ halls: [TestHall], day: LocalDay
    ) async throws {
        for hall in halls {
            let figures = try #require(board.first { $0.hall == hall.id })
            let own = try await hall.server.reports.service.report(.daily(day))
            let status = try await hall.server.queue.service.status()
            #expect(figures.ticketsIssued == own.totals.issued, "\(hall.id)")
            #expect(figures.badRatings == own.ratings.negative, "\(hall.id)")
            var waiting: [String: Int] = [:]
            for service in status.services where service.waiting > 0 { waiting[service.service.id] = service.waiting }
            #expect(figures.waitingByService == waiting, "\(hall.id)")
            #expect(figures.waiting == status.services.map(\.waiting).reduce(0, +))
            #expect((figures.longestWaitSeconds != nil) == (figures.waiting > 0))
            #expect(figures.openFollowUps == (try await hall.server.ratings.service.followUps(openOnly: true).count))
            // The windows the hall reported with its last batch: open (not paused) of configured.
            #expect(figures.windowsOpen == status.windows.filter { !$0.window.isPaused }.count, "\(hall.id)")
            #expect(figures.windowsConfigured == status.windows.count, "\(hall.id)")
            #expect(figures.windows == status.windows.map { SyncWindow($0.window) }, "\(hall.id)")
            #expect(figures.lagSeconds != nil && figures.lastEventAt != nil)

            let monthly = try #require(month.halls.first { $0.hall == hall.id })
            let ownMonth = try await hall.server.reports.service.report(.monthly(year: day.year, month: day.month))
            #expect(monthly.ticketsIssued == ownMonth.totals.issued)
            #expect(monthly.ratings == ownMonth.ratings.total)
            #expect(monthly.satisfactionRate == ownMonth.ratings.satisfactionRate)
            // Times cross in whole seconds: the p90 agrees to within a second.
            let p90 = try #require(monthly.waitingP90Seconds), ownP90 = try #require(ownMonth.totals.waiting.p90Seconds)
            #expect(abs(p90 - ownP90) <= 1, "\(hall.id): \(p90) vs \(ownP90)")
        }
    }

    /// Today was figured live: once the day is closed (as seen from tomorrow) and rolled up, the
    /// same figures come from the roll-ups; a late batch for the day makes it pending again, and
    /// its figures follow the hall's own at once.
    static func theClosedDayFromItsRollUpIsTheSame(
        _ hub: HubTestBed, _ a: TestHall, day: LocalDay, now: Date, board: [HubHallDay], month: HubMonthlyComparison
    ) async throws {
        #expect(try await hub.store.rollUp(before: day) == 0)
        #expect(try await hub.store.rollUp(before: day.adding(days: 1)) == 2)
        func count(_ sql: String) throws -> String {
            try hub.postgres.psql(sql, database: "hub").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try count("SELECT count(*) FROM hall_day WHERE day = '\(day)'") == "2")
        #expect(try count("SELECT count(*) FROM hall_day_pending") == "0")
        #expect(try await hub.store.dashboard(day: day, at: now) == board)
        #expect(try await hub.store.monthly(year: day.year, month: day.month) == month)

        try await a.makeEvents(tickets: 1)
        try await a.drain()
        let later = try #require(try await hub.store.dashboard(day: day).first { $0.hall == a.id })
        let own = try await a.server.reports.service.report(.daily(day))
        #expect(later.ticketsIssued == own.totals.issued && later.ticketsIssued == board[0].ticketsIssued + 1)
        #expect(try await hub.store.rollUp(before: day.adding(days: 1)) == 1)
        let rolled = try #require(try await hub.store.dashboard(day: day).first { $0.hall == a.id })
        #expect(rolled.ticketsIssued == own.totals.issued && rolled.waiting == later.waiting)
    }
}
