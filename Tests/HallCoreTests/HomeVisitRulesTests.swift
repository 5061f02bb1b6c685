import Foundation
import Testing

@testable import HallCore

/// Home-visit deadlines on the real calendar: the one-working-day review and the follow-up deadline.
@Suite struct HomeVisitRulesTests {
    let day = IntakeTestData.day

    private func visit(requestedOn text: String) throws -> HomeVisit {
        let requested = day(text)
        let calendar = try IntakeTestData.calendar()
        return HomeVisit(
            number: "SM-TEST", channel: .phone, recordedBy: "clerk", requestedAt: Date(), requestedOn: requested,
            reviewDue: try calendar.addingWorkingDays(1, to: requested),
            applicant: try ResidentContact.parse(name: "李秀英", phone: "13904771234", idNumber: nil, today: requested),
            agent: nil, eligibility: .elderly, eligibilityNote: nil, item: try IntakeTestData.catalog().item("senior-allowance"),
            address: "巴音敖包嘎查3组", preferredDay: try calendar.addingWorkingDays(2, to: requested), preferredTime: nil,
            request: "申请高龄津贴")
    }

    private func status(_ v: HomeVisit, on text: String) throws -> VisitDeadlineStatus? {
        try VisitDeadlines.status(of: v, today: day(text), calendar: IntakeTestData.calendar())
    }

    @Test("the review is due one working day after the request, across holidays and make-up days")
    func reviewDue() throws {
        // Thu 2026-09-24 → 中秋 09-25…09-27 off → due Mon 09-28.
        let v = try visit(requestedOn: "2026-09-24")
        #expect(v.reviewDue == day("2026-09-28"))
        #expect(try status(v, on: "2026-09-24")?.level == .onTrack)
        #expect(try status(v, on: "2026-09-27")?.level == .onTrack)
        #expect(try status(v, on: "2026-09-28")?.level == .dueSoon)
        let late = try #require(try status(v, on: "2026-09-29"))
        #expect(late.level == .overdue && late.kind == .review && late.workingDaysLeft == -1)
        // Wed 2025-12-31 → 元旦 off → due Sunday 2026-01-04, a make-up working day.
        #expect(try visit(requestedOn: "2025-12-31").reviewDue == day("2026-01-04"))
        // Fri 2026-02-13 → due Sat 02-14 (make-up), not after the Spring Festival.
        #expect(try visit(requestedOn: "2026-02-13").reviewDue == day("2026-02-14"))
    }

    @Test("an unfinished item's deadline runs until the follow-up is closed")
    func followUp() throws {
        var v = try visit(requestedOn: "2026-09-24")
        v.state = .followUp
        v.outcome = VisitOutcome(
            at: Date(), on: day("2026-09-30"), by: "clerk", finishedOnSite: false, summary: "已核对材料",
            unfinished: "待民政所审核", workingDays: 3,
            deadline: try IntakeTestData.calendar().addingWorkingDays(3, to: day("2026-09-30")))
        #expect(v.outcome?.deadline == day("2026-10-10"), "国庆 10-01…10-07 off: 10-08, 10-09, Sat 10-10 make-up")
        #expect(try status(v, on: "2026-10-08")?.level == .onTrack, "two working days left")
        #expect(try status(v, on: "2026-10-09")?.level == .dueSoon)
        #expect(try status(v, on: "2026-10-01")?.level == .onTrack)
        #expect(try status(v, on: "2026-10-11")?.level == .overdue)
        v.state = .closed
        #expect(try status(v, on: "2026-10-11") == nil)
    }
}
