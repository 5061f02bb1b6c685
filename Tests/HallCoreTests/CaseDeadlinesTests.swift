import Foundation
import Testing

@testable import HallCore

/// Overdue and due-soon standing on the real calendar.
@Suite struct CaseDeadlinesTests {
    let day = IntakeTestData.day

    /// A case accepted on 2025-09-30 (simple item, promised 2025-10-11), in review.
    private func runningCase() throws -> Case {
        var c = Case(
            item: try IntakeTestData.catalog().item("senior-allowance"),
            applicant: try .person(name: "李四", idNumber: IntakeTestData.idFemale1940, phone: "13912345678"),
            delivery: .windowPickup, owner: "clerk-li", openedAt: IntakeTestData.morning("2025-09-30"),
            openedDay: day("2025-09-30"))
        c = try CaseTransitions.accept(
            c, number: "BM20250930-0001", received: [], at: c.openedAt, on: day("2025-09-30"),
            promised: CalendarAnswer(value: day("2025-10-11"), provisionalYears: []))
        return try CaseTransitions.route(c, at: c.openedAt)
    }

    private func level(on text: String, within: Int = 1) throws -> CaseDeadlineStatus? {
        try CaseDeadlines.status(of: runningCase(), today: day(text), calendar: IntakeTestData.calendar(), dueSoonWorkingDays: within)
    }

    @Test func standingThroughNationalDay() throws {
        // 09-30: 3 working days left (10-09, 10-10, 10-11) → on track.
        #expect(try level(on: "2025-09-30")?.level == .onTrack)
        #expect(try level(on: "2025-09-30")?.workingDaysLeft == 3)
        // During the holiday 10-05 still 3 left: holidays do not eat the limit.
        #expect(try level(on: "2025-10-05")?.workingDaysLeft == 3)
        // 10-09: 2 left → on track with the default threshold of 1, due soon with 2.
        #expect(try level(on: "2025-10-09")?.level == .onTrack)
        #expect(try level(on: "2025-10-09", within: 2)?.level == .dueSoon)
        // 10-10: 1 left (the make-up Saturday) → due soon; 10-11: due today → due soon.
        #expect(try level(on: "2025-10-10")?.level == .dueSoon)
        #expect(try level(on: "2025-10-11")?.workingDaysLeft == 0)
        #expect(try level(on: "2025-10-11")?.level == .dueSoon)
        // Sun 10-12: past the promised day → overdue (0 working days late yet); Mon 10-13: 1 late.
        #expect(try level(on: "2025-10-12")?.level == .overdue)
        #expect(try level(on: "2025-10-13")?.workingDaysLeft == -1)
        #expect(try level(on: "2025-10-13")?.waitingFor == ["镇民政办公室"])
    }

    @Test func decidedCasesAreNotRunning() throws {
        var c = try runningCase()
        c = try CaseTransitions.review(c, departmentID: "civil-affairs", decision: .approved, reviewer: "r", at: c.openedAt)
        c = try CaseTransitions.combine(c, at: c.openedAt)
        #expect(
            try CaseDeadlines.status(
                of: c, today: day("2025-10-20"), calendar: IntakeTestData.calendar(),
                dueSoonWorkingDays: 1) == nil)
    }

    @Test func boardInAnUncoveredYearIsFlaggedNotBlank() throws {
        let status = try level(on: "2027-01-05")
        #expect(status?.level == .overdue)
        #expect(status?.isProvisional == true)
    }
}
