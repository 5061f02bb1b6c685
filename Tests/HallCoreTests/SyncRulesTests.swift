import Foundation
import HallCore
import Testing

@Suite struct SyncRulesTests {
    let at = Date(timeIntervalSince1970: 1_780_000_000)
    func events(_ sequences: [Int64]) -> [SyncEvent] { sequences.map { SyncEvent(sequence: $0, type: "ticket.issued", at: at) } }

    @Test func aBatchContinuingTheHubsLastSequenceApplies() {
        let batch = SyncBatch(hall: "a", send: 4, after: 10, events: events([11, 12, 15]))
        #expect(SyncRules.verdict(for: batch, lastSequence: 10, lastSend: 3) == .apply(events: events([11, 12, 15])))
    }

    @Test func eventsTheHubHoldsAreSkippedSoEachTakesEffectOnce() {
        let batch = SyncBatch(hall: "a", send: 9, after: 10, events: events([11, 12, 15]))
        #expect(SyncRules.verdict(for: batch, lastSequence: 12, lastSend: 3) == .apply(events: events([15])))
        #expect(SyncRules.verdict(for: batch, lastSequence: 15, lastSend: 3) == .apply(events: []))
    }

    @Test func anOldSendNumberIsAReplay() {
        let batch = SyncBatch(hall: "a", send: 3, after: 10, events: events([11]))
        #expect(SyncRules.verdict(for: batch, lastSequence: 10, lastSend: 3) == .replayed(lastSend: 3))
    }

    @Test func aBatchBeyondWhatTheHubHoldsIsAGap() {
        let batch = SyncBatch(hall: "a", send: 5, after: 20, events: events([21]))
        #expect(SyncRules.verdict(for: batch, lastSequence: 10, lastSend: 3) == .gap(expectedAfter: 10))
    }

    @Test func sequencesMustIncreaseAboveAfter() {
        #expect(SyncRules.verdict(for: SyncBatch(hall: "a", send: 5, after: 10, events: events([12, 11])), lastSequence: 10, lastSend: 0)
            == .malformed)
        #expect(SyncRules.verdict(for: SyncBatch(hall: "a", send: 5, after: 10, events: events([10])), lastSequence: 10, lastSend: 0)
            == .malformed)
        let tooMany = SyncBatch(hall: "a", send: 5, after: 0, events: events((1...Int64(SyncRules.maxBatchEvents + 1)).map { $0 }))
        #expect(SyncRules.verdict(for: tooMany, lastSequence: 0, lastSend: 0) == .malformed)
    }

    @Test func anImplausibleWindowListRefusesTheBatch() {
        let window = SyncWindow(number: 1, name: "综合受理窗口", serviceIDs: ["general"], isOpen: true)
        let good = SyncBatch(hall: "a", send: 5, after: 10, events: events([11]), windows: [window])
        #expect(SyncRules.verdict(for: good, lastSequence: 10, lastSend: 0) == .apply(events: events([11])))
        var twice = good
        twice.windows = [window, window]
        var zero = good
        zero.windows = [SyncWindow(number: 0, name: "窗口", serviceIDs: [], isOpen: false)]
        var long = good
        long.windows = [SyncWindow(number: 2, name: String(repeating: "窗", count: 65), serviceIDs: [], isOpen: false)]
        var many = good
        many.windows = (1...(SyncWindow.maxWindows + 1)).map { SyncWindow(number: $0, name: "\($0)", serviceIDs: [], isOpen: true) }
        for batch in [twice, zero, long, many] { #expect(SyncRules.verdict(for: batch, lastSequence: 10, lastSend: 0) == .malformed) }
        #expect(SyncWindow(ServiceWindow(number: 3, name: "3号", serviceIDs: ["a"], isPaused: true)).isOpen == false)
    }

    @Test func backoffDoublesUpToItsMaximum() {
        let backoff = SyncBackoff(initialSeconds: 1, maximumSeconds: 300)
        #expect((0...10).map { backoff.delay(afterFailures: $0) } == [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300])
        #expect(backoff.delay(afterFailures: 10_000) == 300)
    }

    @Test func lagCountsUnacknowledgedEventsAndTheOldestsAge() {
        let lag = SyncLag.of(newest: 50, acknowledged: 42, oldestPendingAt: at, lastAcknowledgedAt: nil, now: at.addingTimeInterval(90))
        #expect(lag.events == 8 && lag.seconds == 90)
        #expect(SyncLag.of(newest: 42, acknowledged: 42, oldestPendingAt: nil, lastAcknowledgedAt: at, now: at).events == 0)
    }

    @Test func enrollmentCodesAreForTheirHallOnceAndForThreeDays() throws {
        #expect(throws: HubEnrollmentError.wrongCode) {
            try HubEnrollmentRules.checkClaim(codeHall: nil, issuedAt: nil, usedAt: nil, hall: "a", at: at)
        }
        #expect(throws: HubEnrollmentError.wrongCode) {
            try HubEnrollmentRules.checkClaim(codeHall: "b", issuedAt: at, usedAt: nil, hall: "a", at: at)
        }
        #expect(throws: HubEnrollmentError.usedCode) {
            try HubEnrollmentRules.checkClaim(codeHall: "a", issuedAt: at, usedAt: at, credentialUsed: true, hall: "a", at: at)
        }
        // The hall lost the answer to its enrollment and has sent nothing yet: it may claim again.
        try HubEnrollmentRules.checkClaim(codeHall: "a", issuedAt: at, usedAt: at, credentialUsed: false, hall: "a", at: at)
        #expect(throws: HubEnrollmentError.expiredCode) {
            try HubEnrollmentRules.checkClaim(
                codeHall: "a", issuedAt: at, usedAt: nil, hall: "a", at: at.addingTimeInterval(HubEnrollmentRules.validitySeconds))
        }
        try HubEnrollmentRules.checkClaim(codeHall: "a", issuedAt: at, usedAt: nil, hall: "a", at: at.addingTimeInterval(60))
        #expect(HubEnrollmentRules.isValidHallID("town-a1"))
        #expect(!HubEnrollmentRules.isValidHallID("Town") && !HubEnrollmentRules.isValidHallID("-a") && !HubEnrollmentRules.isValidHallID(""))
        #expect(!HubEnrollmentRules.isValidHallID("a/../b") && !HubEnrollmentRules.isValidHallID(String(repeating: "a", count: 33)))
    }
}

@Suite struct SyncProjectionTests {
    let at = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func onlyListedDataKeysCrossAndTicketsKeepNumberAndTimes() {
        var ticket = Ticket(id: 7, number: "A007", day: LocalDay(at, in: TimeZone(identifier: "Asia/Shanghai") ?? .current),
            sequence: 7, serviceID: "comprehensive", priority: .normal, issuedAt: at)
        ticket.windowNumber = 2
        var event = HallEvent(
            type: .caseOpened, at: at, ticket: ticket, window: 2, actor: "clerk1",
            data: ["caseID": "12", "itemName": "低保申请", "applicantName": "张三", "note": "住在幸福路3号", "state": "accepted"])
        event.id = 99
        let projected = SyncProjection.project(event)
        #expect(projected.sequence == 99 && projected.type == "case.opened" && projected.window == 2 && projected.actor == "clerk1")
        #expect(projected.data == ["caseID": "12", "itemName": "低保申请", "state": "accepted"])
        #expect(projected.ticket?.number == "A007" && projected.ticket?.serviceID == "comprehensive" && projected.ticket?.issuedAt == at)
    }

    @Test func valuesThatLookLikeIDOrPhoneNumbersStayHomeWhateverTheirKey() {
        var event = HallEvent(
            type: .ticketIssued, at: at,
            data: ["itemName": "身份证 11010519491231002X 补办", "staff": "13812345678", "caseNumber": "ZW-2026-000123", "minutes": "45"])
        event.id = 1
        let data = SyncProjection.project(event).data
        #expect(data == ["caseNumber": "ZW-2026-000123", "minutes": "45"])
        #expect(SyncProjection.looksPersonal("110105194912310021") && SyncProjection.looksPersonal("tel 13812345678"))
        #expect(!SyncProjection.looksPersonal("2026-03-02") && !SyncProjection.looksPersonal("1234567890"))
    }
}
