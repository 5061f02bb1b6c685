import Foundation
import GRDB
import HallCore
import HallTestSupport
import Testing

@testable import HallStore

/// A hall on a real SQLite file with the official calendar, a manual clock, staff accounts, and the
/// queue, extended hours, ledger and follow-ups wired as halld wires them.
struct ExtendedHall {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    let temp: TemporaryDatabase
    let database: HallDatabase
    let clock: ManualClock
    let queue: QueueService
    let hours: ExtendedHoursService
    let ledger: LedgerService
    let followUps: FollowUpService
    let events = RecordingSink()

    init(_ day: String, _ time: String, thresholdMinutes: Int = 480) async throws {
        temp = try TemporaryDatabase()
        database = try temp.open()
        clock = ManualClock(Self.at(day, time))
        let accounts = SQLiteAccountStore(database)
        for (name, role) in [("clerk1", Role.clerk), ("clerk3", .clerk), ("clerk5", .clerk), ("head", .head)] {
            try await accounts.create(
                StaffAccount(username: name, displayName: "测试\(name)", roles: [role]), passwordHash: "-",
                at: clock.now())
        }
        let schedules = try IntakeData.schedules.map(HolidaySchedule.decode(from:))
        let calendar: @Sendable () async throws -> WorkingDayCalendar = { try WorkingDayCalendar(schedules: schedules) }
        var settings = ExtendedHoursSettings()
        settings.ledger.leaveThresholdMinutes = thresholdMinutes
        let store = SQLiteExtendedStore(database)
        queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: events)
        hours = ExtendedHoursService(
            store: store, queue: queue, accounts: accounts, clock: clock,
            timeZone: Self.zone, settings: settings, calendar: calendar, sink: events)
        ledger = LedgerService(
            store: store, accounts: accounts, clock: clock, timeZone: Self.zone,
            settings: settings.ledger, calendar: calendar, sink: events)
        followUps = FollowUpService(
            store: store, accounts: accounts, clock: clock, timeZone: Self.zone,
            settings: settings.followUps, calendar: calendar, sink: events)
    }

    static func at(_ day: String, _ time: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    /// Moves the clock to `time` on `day`.
    func set(_ day: String, _ time: String) { clock.set(Self.at(day, time)) }

    func remove() { temp.remove() }
}

@Suite("Extended hours and the ledger on SQLite", .serialized)
struct ExtendedHoursStoreTests {
    @Test("closing notice, extended start at closing, replacement, end with the last ticket, minutes per clerk")
    func extendedPeriodFromRealQueueOperations() async throws {
        let hall = try await ExtendedHall("2026-11-25", "16:50")
        defer { hall.remove() }
        let d = "2026-11-25"
        _ = try await hall.queue.issue(serviceKey: "B", actor: "kiosk-1")
        hall.clock.advance(10)
        _ = try await hall.queue.issue(serviceKey: "B", actor: "kiosk-1")
        hall.clock.advance(10)
        _ = try await hall.queue.issue(serviceKey: "A", actor: "kiosk-1")
        hall.set(d, "16:55"); _ = try await hall.queue.callNext(window: 3, actor: "clerk3")
        hall.set(d, "16:56"); _ = try await hall.queue.start(window: 3, actor: "clerk3")

        // 16:56: nothing yet (the notice starts 30 minutes before closing). 17:10: the closing notice, with the queue's own estimates.
        #expect(try await hall.hours.check().phase == .open)
        hall.set(d, "17:10")
        let notice = try await hall.hours.check()
        #expect(notice.phase == .closingSoon && notice.noticeActive && notice.minutesToClosing == 20)
        #expect(notice.waiting.map(\.number).sorted() == ["A001", "B002"])
        for w in notice.waiting {
            let status = try await hall.queue.ticketStatus(number: w.number)
            #expect(w.estimatedWaitMinutes == status.estimatedWaitMinutes && w.peopleAhead == status.peopleAhead)
        }
        #expect(hall.events.of(.closingSoon).count == 1)
        _ = try await hall.hours.check()
        #expect(hall.events.of(.closingSoon).count == 1, "the notice is given once a day")

        // Clerk 1 cannot stay at window 1.
        hall.set(d, "17:20")
        _ = try await hall.hours.reportAbsence(window: 1, reason: "家中有事", clerk: "clerk1")
        await #expect(throws: ExtendedError.alreadyReported(window: 1, clerk: "clerk1")) {
            try await hall.hours.reportAbsence(window: 1, reason: "家中有事", clerk: "clerk1")
        }

        // 17:30: closing time with tickets open → extended hours, nobody applied; the kiosk refuses.
        hall.set(d, "17:30")
        let started = try await hall.hours.check()
        #expect(started.phase == .extended)
        let session = try #require(started.session)
        #expect(session.startedAt == ExtendedHall.at(d, "17:30") && session.isActive)
        #expect(session.servingAtStart == ["B001"] && session.waitingAtStart.sorted() == ["A001", "B002"])
        #expect(hall.events.of(.extendedStarted).count == 1)
        #expect(try await hall.hours.refusal(issuedByDevice: true)?.contains("17:30") == true)
        #expect(try await hall.hours.refusal(issuedByDevice: false) == nil)

        hall.set(d, "17:38"); _ = try await hall.queue.finish(window: 3, actor: "clerk3")
        hall.set(d, "17:39"); _ = try await hall.queue.callNext(window: 3, actor: "clerk3")
        hall.set(d, "17:40"); _ = try await hall.queue.start(window: 3, actor: "clerk3")
        // The head puts clerk 5 at window 1 for the rest of the evening.
        let replaced = try await hall.hours.assignReplacement(window: 1, replacement: "clerk5", absentClerk: nil, reason: nil, by: "head")
        #expect(replaced.absentClerk == "clerk1" && replaced.replacement == "clerk5" && replaced.assignedAt == ExtendedHall.at(d, "17:40"))
        await #expect(throws: ExtendedError.unknownStaff("nobody")) {
            try await hall.hours.assignReplacement(window: 3, replacement: "nobody", absentClerk: "clerk3", reason: nil, by: "head")
        }
        await #expect(throws: ExtendedError.absentClerkRequired(window: 3)) {
            try await hall.hours.assignReplacement(window: 3, replacement: "clerk5", absentClerk: nil, reason: nil, by: "head")
        }
        hall.set(d, "17:45"); _ = try await hall.queue.callNext(window: 1, actor: "clerk5")
        hall.set(d, "17:46"); _ = try await hall.queue.start(window: 1, actor: "clerk5")
        hall.set(d, "17:52"); _ = try await hall.queue.finish(window: 3, actor: "clerk3")
        hall.set(d, "17:55")
        #expect(try await hall.hours.check().session?.isActive == true, "A001 is still being served")
        hall.set(d, "18:05"); _ = try await hall.queue.finish(window: 1, actor: "clerk5")

        hall.set(d, "18:06")
        let ended = try await hall.hours.check()
        #expect(ended.phase == .closed && !ended.noticeActive)
        let done = try #require(ended.session)
        #expect(done.endedAt == ExtendedHall.at(d, "18:05") && done.closedTickets == ["B001", "B002", "A001"])
        #expect(done.ledgerMinutes == 47)
        let month = try await hall.ledger.month(LedgerMonth("2026-11")!)
        #expect(month.entries.map(\.staff) == ["clerk3", "clerk5"])
        #expect(month.entries[0].minutes == 22 && month.entries[0].served == ["B001", "B002"])
        #expect(
            month.entries[1].minutes == 25 && month.entries[1].start == ExtendedHall.at(d, "17:40"),
            "the replacement's minutes count from the assignment, to the replacement")
        #expect(month.entries[1].served == ["A001"] && month.entries[1].note.contains("替岗 clerk1"))
        #expect(!month.entries.contains { $0.staff == "clerk1" })
        #expect(hall.events.of(.extendedEnded).first?.data?["staff"] == "clerk3,clerk5")
        #expect(hall.events.of(.ledgerRecorded).count == 2)

        // A resident let in by staff after the period: a second period from the ticket's issue.
        hall.set(d, "18:10"); _ = try await hall.queue.issue(serviceKey: "A", actor: "head")
        hall.set(d, "18:11")
        #expect(try await hall.hours.check().session?.startedAt == ExtendedHall.at(d, "18:10"))
        hall.set(d, "18:12"); _ = try await hall.queue.callNext(window: 1, actor: "clerk5")
        _ = try await hall.queue.start(window: 1, actor: "clerk5")
        hall.set(d, "18:20"); _ = try await hall.queue.finish(window: 1, actor: "clerk5")
        hall.set(d, "18:21"); _ = try await hall.hours.check()
        let balances = try await hall.ledger.balances()
        #expect(balances.map(\.staff) == ["clerk3", "clerk5"])
        #expect(balances.first { $0.staff == "clerk5" }?.extendedMinutes == 35)
        #expect(try await hall.hours.sessions(from: LocalDay(d)!, through: LocalDay(d)!).count == 2)

        // The month as CSV: UTF-8 with a byte-order mark, one line per entry, totals, standing.
        let csv = LedgerCSV.render(
            try await hall.ledger.month(LedgerMonth("2026-11")!), centerName: "测试便民服务中心",
            timeZone: ExtendedHall.zone)
        let bytes = Array(csv.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.contains("1,2026-11-25,测试clerk3,clerk3,延时服务,17:30,17:52,22,B001、B002,叫号记录,下班后延时服务（3号窗口）"))
        #expect(lines.contains { $0.hasPrefix("合计,,,,,,,57,3条") })
        #expect(lines.contains { $0.hasPrefix("测试clerk5,clerk5,0,35,35,35,0,0,0.6,8,否") })
    }

    @Test("closing on the eve of a holiday, a make-up Saturday, and no extended hours on a holiday")
    func realCalendarDays() async throws {
        let hall = try await ExtendedHall("2026-09-30", "17:50")
        defer { hall.remove() }
        _ = try await hall.queue.issue(serviceKey: "A", actor: "kiosk-1")
        hall.set("2026-09-30", "17:59")
        #expect(try await hall.hours.check().phase == .closingSoon)
        hall.set("2026-09-30", "18:00")  // summer hours on the eve of 国庆节
        let eve = try await hall.hours.check()
        #expect(eve.phase == .extended && eve.session?.closingAt == ExtendedHall.at("2026-09-30", "18:00"))
        #expect(eve.nextOpening?.day == LocalDay("2026-10-08") && eve.kioskRefusal?.contains("10月8日") == true)
        _ = try await hall.queue.callNext(window: 1, actor: "clerk1")
        _ = try await hall.queue.skip(window: 1, actor: "clerk1")
        hall.set("2026-09-30", "18:01")
        #expect(try await hall.hours.check().phase == .closed)

        // 国庆节: a ticket a clerk issued is served, but there is no closing time and no extended period.
        hall.set("2026-10-03", "18:00")
        _ = try await hall.queue.issue(serviceKey: "A", actor: "head")
        let holiday = try await hall.hours.check()
        #expect(holiday.phase == .dayOff && holiday.session == nil && holiday.kioskRefusal?.contains("国庆节假期") == true)

        // Sat 10-10 is a make-up working day: winter hours, closing 17:30. The earlier day's ticket
        // is not this day's; a ticket of today makes it an extended period.
        hall.set("2026-10-10", "16:00")
        _ = try await hall.queue.issue(serviceKey: "B", actor: "kiosk-1")
        hall.set("2026-10-10", "17:30")
        let saturday = try await hall.hours.check()
        #expect(saturday.today?.isMakeUpWorkday == true && saturday.phase == .extended)
        #expect(saturday.session?.day == LocalDay("2026-10-10") && saturday.session?.waitingAtStart == ["B001"])
        // The day ends with the ticket never closed: the period is ended the next day, not kept open.
        hall.set("2026-10-11", "08:00")
        _ = try await hall.hours.check()
        #expect(try await hall.hours.sessions(from: LocalDay("2026-10-10")!, through: LocalDay("2026-10-10")!).first?.isActive == false)
    }

    @Test("threshold passed → leave owed → granted on a working day → taken; refusals on the way")
    func compensatoryLeave() async throws {
        let hall = try await ExtendedHall("2026-11-25", "18:30", thresholdMinutes: 60)
        defer { hall.remove() }
        let sunday = ExtendedHall.at("2026-11-22", "09:00")
        _ = try await hall.ledger.record(
            kind: .appointment, staff: "clerk5", start: sunday, end: sunday.addingTimeInterval(40 * 60),
            note: "预约服务值班", served: ["预约 R0001"], by: "head")
        #expect(hall.events.of(.leaveOwed).isEmpty)
        await #expect(throws: LedgerError.leaveNotOwed(staff: "clerk5", balanceMinutes: 40, thresholdMinutes: 60)) {
            try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-12-02")!, hours: 0.5, note: "", by: "head")
        }
        let evening = ExtendedHall.at("2026-11-25", "17:30")
        let entry = try await hall.ledger.record(
            kind: .extended, staff: "clerk5", start: evening, end: evening.addingTimeInterval(25 * 60),
            note: "", source: .manual, by: "head")
        #expect(hall.events.of(.leaveOwed).map { $0.data?["staff"] } == ["clerk5"])
        await #expect(throws: LedgerError.unknownStaff("ghost")) {
            try await hall.ledger.record(kind: .extended, staff: "ghost", start: evening, end: evening.addingTimeInterval(60), note: "", by: "head")
        }
        await #expect(throws: LedgerError.invalidSpan) {
            try await hall.ledger.record(kind: .extended, staff: "clerk5", start: evening, end: evening, note: "", by: "head")
        }

        // Leave is for working days of the official calendar, in half hours, within the balance.
        await #expect(throws: LedgerError.leaveOnDayOff(LocalDay("2026-11-28")!)) {
            try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-11-28")!, hours: 1, note: "", by: "head")
        }
        await #expect(throws: LedgerError.invalidHours(0.7)) {
            try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-12-02")!, hours: 0.7, note: "", by: "head")
        }
        await #expect(throws: LedgerError.leaveExceedsBalance(hours: 1.5, balanceMinutes: 65)) {
            try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-12-02")!, hours: 1.5, note: "", by: "head")
        }
        let grant = try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-12-02")!, hours: 1, note: "调休一小时", by: "head")
        #expect(grant.state == .granted && grant.minutes == 60)
        #expect(try await hall.ledger.balances(staff: "clerk5").first?.balanceMinutes == 5)
        await #expect(throws: LedgerError.self) {
            try await hall.ledger.grantLeave(staff: "clerk5", day: LocalDay("2026-12-03")!, hours: 0.5, note: "", by: "head")
        }
        await #expect(throws: LedgerError.leaveNotYetDue(LocalDay("2026-12-02")!)) {
            try await hall.ledger.markTaken(grantID: grant.id, by: "head")
        }
        hall.set("2026-12-02", "09:00")
        let taken = try await hall.ledger.markTaken(grantID: grant.id, by: "head")
        #expect(taken.state == .taken && taken.takenRecordedBy == "head")
        await #expect(throws: LedgerError.grantNotPending(id: grant.id, state: .taken)) {
            try await hall.ledger.cancelLeave(grantID: grant.id, reason: "误登", by: "head")
        }
        let balance = try #require(try await hall.ledger.balances(staff: "clerk5").first)
        #expect(balance.totalMinutes == 65 && balance.leaveTakenMinutes == 60 && !balance.owesLeave)

        // A correction by the head keeps the original and may make leave owed again.
        let adjusted = try await hall.ledger.adjust(entryID: entry.id, minutes: 85, reason: "漏记了关机后的整理时间", by: "head")
        #expect(adjusted.recordedMinutes == 25 && adjusted.minutes == 85 && adjusted.adjustments.count == 1)
        #expect(hall.events.of(.leaveOwed).count == 2)
        await #expect(throws: LedgerError.reasonRequired) { try await hall.ledger.adjust(entryID: entry.id, minutes: 1, reason: " ", by: "head") }
        let november = try await hall.ledger.month(LedgerMonth("2026-11")!)
        #expect(november.staff.first?.cumulative.leaveMinutes == 60, "granted in November (for a December day): in November's standing")
        #expect(november.leave.isEmpty, "the day off is in December")
        #expect(try await hall.ledger.month(LedgerMonth("2026-12")!, staff: "clerk5").leave.count == 1)
    }

    @Test("follow-ups: consent, due in working days across 国庆节, overdue once, closed by the owner")
    func followUps() async throws {
        let hall = try await ExtendedHall("2026-09-30", "17:40")
        defer { hall.remove() }
        let request = FollowUpRequest(
            subject: "营业执照变更结果", source: .init(kind: "extended", reference: "D003"),
            contactName: "张三丰", contactPhone: "139 0477 1234", consent: false)
        await #expect(throws: FollowUpError.consentRequired) { try await hall.followUps.open(request, by: "clerk3", mayAssignOthers: false) }
        var bad = request
        bad.consent = true
        bad.contactPhone = "12345"
        await #expect(throws: FollowUpError.badPhone) { try await hall.followUps.open(bad, by: "clerk3", mayAssignOthers: false) }
        var good = request
        good.consent = true
        let opened = try await hall.followUps.open(good, by: "clerk3", mayAssignOthers: false)
        // 10-01…10-07 off: Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3).
        #expect(opened.dueDay == LocalDay("2026-10-10") && opened.owner == "clerk3" && opened.contactPhone.value == "13904771234")
        #expect(opened.maskedContact == "张*丰 139****1234")
        #expect(
            !(hall.events.all.last?.data?.values.contains { $0.contains("1390477") || $0.contains("张三丰") } ?? true),
            "events carry no contact")

        hall.set("2026-10-10", "09:00")
        #expect(try await hall.followUps.checkOverdue().isEmpty)
        #expect(try await hall.followUps.list().first?.due == .dueToday)
        hall.set("2026-10-12", "09:00")
        #expect(try await hall.followUps.checkOverdue().count == 1)
        #expect(try await hall.followUps.checkOverdue().isEmpty, "announced once")
        #expect(hall.events.of(.followUpOverdue).count == 1)
        await #expect(throws: FollowUpError.notOwner(owner: "clerk3")) {
            try await hall.followUps.close(id: opened.id, result: "已电话告知", done: true, by: "clerk1", mayCloseOthers: false)
        }
        let closed = try await hall.followUps.close(
            id: opened.id, result: "已电话告知办结，可来取证", done: true, by: "clerk3",
            mayCloseOthers: false)
        #expect(closed.state == .done && closed.closedBy == "clerk3")
        #expect(try await hall.followUps.list().isEmpty)
        #expect(try await hall.followUps.list(states: [.done]).map(\.followUp.id) == [opened.id])
    }

    @Test("the head's opening hours override the configured ones until reset")
    func hoursOverride() async throws {
        let hall = try await ExtendedHall("2026-11-25", "17:00")
        defer { hall.remove() }
        #expect(try await hall.hours.hours().source == "configuration")
        var longer = OpeningHours.standard
        longer.seasons[1].sessions = [OpeningSession("08:30", "12:00"), OpeningSession("14:00", "18:30")]
        let view = try await hall.hours.setHours(longer, by: "head")
        #expect(view.source == "override" && view.updatedBy == "head" && view.days.first?.closing?.description == "18:30")
        hall.set("2026-11-25", "18:00")
        #expect(try await hall.hours.status().phase == .closingSoon)
        var broken = longer
        broken.seasons.removeLast()
        await #expect(throws: HoursError.self) { try await hall.hours.setHours(broken, by: "head") }
        #expect(try await hall.hours.resetHours(by: "head").source == "configuration")
        #expect(try await hall.hours.status().phase == .closed)
        #expect(hall.events.of(.hoursChanged).count == 2)
    }
}
