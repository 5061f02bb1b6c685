import Foundation
import Testing

@testable import HallCore

/// The rating rules: once per finished service, within the rating period, the pad only for its
/// window; follow-ups due in working days on the official calendar, overdue after the due day.
@Suite struct RatingRulesTests {
    let settings = RatingSettings(followUpWorkingDays: 3, ratingValidHours: 24, padShowMinutes: 10)
    let finishedAt = IntakeTestData.morning("2025-09-30")

    func ticket(_ state: TicketState = .done, window: Int? = 3) -> Ticket {
        var t = Ticket(
            id: 7, number: "B007", day: IntakeTestData.day("2025-09-30"), sequence: 7, serviceID: "social",
            priority: .normal, issuedAt: finishedAt.addingTimeInterval(-1800))
        t.state = state
        t.windowNumber = window
        t.closedAt = state == .done ? finishedAt : nil
        return t
    }

    @Test func onlyFinishedServicesAreRatedOnceWithinThePeriod() throws {
        let later = finishedAt.addingTimeInterval(60)
        #expect(throws: Never.self) { try RatingRules.checkRateable(ticket(), existing: nil, now: later, settings: settings) }
        #expect(throws: RatingError.notFinished(ticket: "B007")) {
            try RatingRules.checkRateable(ticket(.serving), existing: nil, now: later, settings: settings)
        }
        #expect(throws: RatingError.notFinished(ticket: "B007")) {
            try RatingRules.checkRateable(ticket(.noShow), existing: nil, now: later, settings: settings)
        }
        let existing = Rating(ticket: ticket(), staff: "clerk3", level: .satisfied, channel: .pad, device: "pad-3", at: later)
        #expect(throws: RatingError.alreadyRated(ticket: "B007")) {
            try RatingRules.checkRateable(ticket(), existing: existing, now: later, settings: settings)
        }
        #expect(throws: Never.self) {
            try RatingRules.checkRateable(ticket(), existing: nil, now: finishedAt.addingTimeInterval(24 * 3600), settings: settings)
        }
        #expect(throws: RatingError.expired(ticket: "B007", hours: 24)) {
            try RatingRules.checkRateable(ticket(), existing: nil, now: finishedAt.addingTimeInterval(24 * 3600 + 1), settings: settings)
        }
    }

    @Test func thePadRatesOnlyItsOwnWindowAndOffersTheTicketForAWhile() throws {
        #expect(throws: Never.self) { try RatingRules.checkPad(ticket(window: 3), window: 3) }
        #expect(throws: RatingError.otherWindow(ticket: "B007", window: 4)) { try RatingRules.checkPad(ticket(window: 3), window: 4) }
        #expect(RatingRules.padOffers(ticket(), rated: false, now: finishedAt.addingTimeInterval(600), settings: settings))
        #expect(!RatingRules.padOffers(ticket(), rated: false, now: finishedAt.addingTimeInterval(601), settings: settings))
        #expect(!RatingRules.padOffers(ticket(), rated: true, now: finishedAt.addingTimeInterval(5), settings: settings))
        #expect(!RatingRules.padOffers(ticket(.serving), rated: false, now: finishedAt, settings: settings))
    }

    @Test func theQRPageNeedsTheKeyToRate() {
        let now = finishedAt.addingTimeInterval(60)
        let holder = RatingRules.status(of: ticket(), existing: nil, holdsKey: true, now: now, settings: settings)
        #expect(holder.canRate && holder.reason == nil && holder.isFinished)
        let guesser = RatingRules.status(of: ticket(), existing: nil, holdsKey: false, now: now, settings: settings)
        #expect(!guesser.canRate && guesser.reason == RatingError.keyMissing.message)
        let waiting = RatingRules.status(of: ticket(.waiting, window: nil), existing: nil, holdsKey: true, now: now, settings: settings)
        #expect(!waiting.canRate && !waiting.isFinished)
    }

    @Test func followUpsAreDueInWorkingDaysOfTheOfficialCalendar() throws {
        let calendar = try IntakeTestData.calendar()
        // Opened Tue 2025-09-30 before National Day: 10-01…10-08 off; Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3).
        let due = try RatingRules.followUpDue(openedOn: IntakeTestData.day("2025-09-30"), workingDays: 3, calendar: calendar)
        #expect(due.value == IntakeTestData.day("2025-10-11") && !due.isProvisional)
        // A year without a schedule is counted with weekends only and flagged, never refused.
        let guessed = try RatingRules.followUpDue(openedOn: IntakeTestData.day("2027-03-05"), workingDays: 3, calendar: calendar)
        #expect(guessed.value == IntakeTestData.day("2027-03-10") && guessed.isProvisional)
    }

    @Test func aFollowUpIsOverdueOnlyAfterItsDueDayWhileOpen() throws {
        let calendar = try IntakeTestData.calendar()
        let rating = Rating(ticket: ticket(), staff: "clerk3", level: .dissatisfied, channel: .qr, device: nil, at: finishedAt)
        var f = RatingFollowUp(
            rating: rating, openedAt: finishedAt, openedDay: IntakeTestData.day("2025-09-30"),
            due: CalendarAnswer(value: IntakeTestData.day("2025-10-11"), provisionalYears: []))
        let onDue = try RatingRules.status(of: f, today: IntakeTestData.day("2025-10-11"), calendar: calendar)
        #expect(!onDue.isOverdue && onDue.workingDaysLeft == 0)
        let before = try RatingRules.status(of: f, today: IntakeTestData.day("2025-10-08"), calendar: calendar)
        #expect(!before.isOverdue && before.workingDaysLeft == 3)
        let after = try RatingRules.status(of: f, today: IntakeTestData.day("2025-10-13"), calendar: calendar)
        #expect(after.isOverdue && after.workingDaysLeft == -1)
        f.state = .closed
        let closed = try RatingRules.status(of: f, today: IntakeTestData.day("2025-10-13"), calendar: calendar)
        #expect(!closed.isOverdue && closed.workingDaysLeft == nil)
    }

    @Test func closingNeedsANote() throws {
        #expect(throws: RatingError.noteRequired) { try RatingRules.closingNote("  \n ") }
        #expect(throws: RatingError.noteTooLong(max: 500)) { try RatingRules.closingNote(String(repeating: "好", count: 501)) }
        #expect(try RatingRules.closingNote(" 已电话回访，居民表示理解 ") == "已电话回访，居民表示理解")
    }

    @Test func levelsAndTheirLabels() {
        #expect(RatingLevel.allCases.map(\.label) == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
        #expect(RatingLevel.allCases.filter(\.isNegative) == [.dissatisfied, .veryDissatisfied])
        #expect(RatingLevel.veryDissatisfied < .basicallySatisfied)
    }
}
