import Foundation
import Testing

@testable import HallCore

/// The ledger's pure rules: duty from the event log, balances and the threshold, CSV.
@Suite struct LedgerRulesTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    func at(_ time: String) -> Date {
        LocalDay("2026-11-25")!.instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    func event(_ type: EventType, _ time: String, window: Int, actor: String?, ticket: String) -> HallEvent {
        HallEvent(
            type: type, at: at(time),
            ticket: Ticket(
                number: ticket, day: LocalDay("2026-11-25")!, sequence: 1,
                serviceID: "s", priority: .normal, issuedAt: at("17:00")),
            window: window, actor: actor)
    }

    @Test func dutyRunsFromStartToLastActionAndOverlapsCountOnce() {
        var session = ExtendedSession(
            id: 7, day: LocalDay("2026-11-25")!, closingAt: at("17:30"), startedAt: at("17:30"),
            waitingAtStart: [], servingAtStart: [])
        session.endedAt = at("18:10")
        let events = [
            event(.ticketFinished, "17:40", window: 3, actor: "clerk3", ticket: "B001"),
            event(.ticketCalled, "17:41", window: 3, actor: "clerk3", ticket: "B002"),
            event(.ticketFinished, "17:55", window: 3, actor: "clerk3", ticket: "B002"),
            // The same clerk also finishes one at window 2 meanwhile: counted once.
            event(.ticketFinished, "17:50", window: 2, actor: "clerk3", ticket: "A004"),
            // A replacement assigned at 17:45 at window 1.
            event(.ticketCalled, "17:46", window: 1, actor: "clerk5", ticket: "A001"),
            event(.ticketFinished, "18:10", window: 1, actor: "clerk5", ticket: "A001"),
            // Not a window action, and no actor: ignored.
            HallEvent(type: .ticketLeft, at: at("17:50"), actor: "clerk1"),
            event(.ticketFinished, "17:59", window: 4, actor: nil, ticket: "C001"),
            HallEvent(type: "case.accepted", at: at("17:52"), actor: "clerk3", data: ["caseNumber": "BM20261125-0003"]),
        ]
        var replacement = ExtendedReplacement(day: session.day, window: 1, absentClerk: "clerk1", reason: "接孩子", reportedAt: at("17:00"))
        replacement.state = .assigned
        replacement.replacement = "clerk5"
        replacement.assignedAt = at("17:45")
        let entries = ExtendedDuty.entries(session: session, events: events, replacements: [replacement], recordedAt: at("18:11"))
        #expect(entries.map(\.staff) == ["clerk3", "clerk5"])
        #expect(entries[0].minutes == 25 && entries[0].start == at("17:30") && entries[0].end == at("17:55"))
        #expect(entries[0].served == ["B001", "B002", "A004", "办件BM20261125-0003"])
        #expect(entries[1].minutes == 25 && entries[1].start == at("17:45"), "the replacement counts from the assignment")
        #expect(entries[1].note.contains("替岗 clerk1"))
        #expect(entries.allSatisfy { $0.kind == .extended && $0.source == .queue && $0.sessionID == 7 })
    }

    @Test func balanceOwesLeaveAtTheThreshold() {
        let day = LocalDay("2026-11-25")!
        let entries = [
            LedgerEntry(
                staff: "a", kind: .extended, day: day, start: at("17:30"), end: at("19:30"), minutes: 120,
                source: .queue, recordedBy: "system", recordedAt: at("19:31")),
            LedgerEntry(
                staff: "a", kind: .appointment, day: day, start: at("09:00"), end: at("15:00"), minutes: 360,
                source: .appointment, recordedBy: "head", recordedAt: at("19:31")),
            LedgerEntry(
                staff: "b", kind: .extended, day: day, start: at("17:30"), end: at("17:40"), minutes: 10,
                source: .queue, recordedBy: "system", recordedAt: at("19:31")),
        ]
        let owed = LedgerBalance.of("a", entries: entries, leave: [], thresholdMinutes: 480)
        #expect(owed.totalMinutes == 480 && owed.owesLeave)
        var grant = LeaveGrant(staff: "a", day: day, minutes: 240, note: "", grantedBy: "head", grantedAt: at("19:40"))
        let after = LedgerBalance.of("a", entries: entries, leave: [grant], thresholdMinutes: 480)
        #expect(after.balanceMinutes == 240 && !after.owesLeave && after.leaveTakenMinutes == 0)
        grant.state = .cancelled
        #expect(LedgerBalance.of("a", entries: entries, leave: [grant], thresholdMinutes: 480).owesLeave, "cancelled leave returns")
        #expect(!LedgerBalance.of("b", entries: entries, leave: [], thresholdMinutes: 480).owesLeave)
    }

    @Test func csvIsExcelFriendlyAndDefusesFormulas() {
        #expect(LedgerCSV.field("普通") == "普通")
        #expect(LedgerCSV.field("a,b") == "\"a,b\"")
        #expect(LedgerCSV.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(LedgerCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(LedgerCSV.field("-5") == "-5")
        #expect(LedgerMonth("2026-02")?.lastDay == LocalDay("2026-02-28"))
        #expect(LedgerMonth("2026-12")?.lastDay == LocalDay("2026-12-31"))
        #expect(LedgerMonth("2026-13") == nil && LedgerMonth("26-1") == nil)
    }

    @Test func hoursAreWrittenForAnyValueWithoutTrapping() {
        #expect(LedgerFormat.hours(8) == "8" && LedgerFormat.hours(7.5) == "7.5" && LedgerFormat.hours(minutes: 450) == "7.5")
        #expect(LedgerFormat.hours(1e19) == "10000000000000000000.0")
        #expect(LedgerFormat.hours(-1e19) == "-10000000000000000000.0")
        #expect(LedgerFormat.hours(.infinity) == "inf")
    }
}
