import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

@Suite("Home visits on SQLite", .serialized)
struct HomeVisitStoreTests {
    static func request(
        day: String, item: String = "senior-allowance", id: String? = nil, eligibility: VisitEligibility = .elderly,
        note: String? = nil, agent: String? = "王小明", relation: String? = "儿子"
    ) -> VisitRequest {
        VisitRequest(
            channel: .phone, applicantName: "李秀英", applicantPhone: "13904771234", applicantIDNumber: id, agentName: agent,
            agentRelation: relation, eligibility: eligibility, eligibilityNote: note, itemID: item,
            address: "乌审旗乌兰陶勒盖镇巴音敖包嘎查3组", preferredDay: LocalDay(day)!, preferredTime: "上午", request: "申请高龄津贴")
    }

    @Test("request → overdue review announced once → approval → case opened on site → unfinished → follow-up → closed, with quality records")
    func fullFlow() async throws {
        // Thu 2026-09-24: 中秋 09-25…09-27 off → review due Mon 09-28; earliest visit Tue 09-29.
        let hall = try AppointmentTestHall(at: "2026-09-24")
        defer { hall.remove() }
        try await hall.addStaff()
        let visits = hall.visits
        await #expect(throws: AppointmentError.tooShortNotice(day: LocalDay("2026-09-28")!, earliest: LocalDay("2026-09-29")!, workingDays: 2)) {
            try await visits.request(Self.request(day: "2026-09-28"), clerk: "wang.fang")
        }
        await #expect(throws: HomeVisitError.itemNotEligible("生育登记服务")) {
            try await visits.request(Self.request(day: "2026-09-29", item: "birth-registration"), clerk: "wang.fang")
        }
        await #expect(throws: HomeVisitError.missingField("特殊情形的具体说明")) {
            try await visits.request(Self.request(day: "2026-09-29", eligibility: .other), clerk: "wang.fang")
        }
        await #expect(throws: HomeVisitError.agentIncomplete) {
            try await visits.request(Self.request(day: "2026-09-29", relation: nil), clerk: "wang.fang")
        }
        let v = try await visits.request(Self.request(day: "2026-09-29"), clerk: "wang.fang")
        #expect(v.number == "SM20260924-01" && v.reviewDue == LocalDay("2026-09-28") && v.state == .requested)
        #expect(v.agent?.relation == "儿子" && v.itemMaterials.count == 5)
        let second = try await visits.request(Self.request(day: "2026-10-09", eligibility: .other, note: "独居，腿部骨折"), clerk: "li.na")
        #expect(second.number == "SM20260924-02")

        hall.set("2026-09-28", "17:00")
        #expect(try await visits.checkDeadlines().map(\.level) == [.dueSoon, .dueSoon])
        hall.set("2026-09-29", "08:30")
        let board = try await visits.checkDeadlines()
        #expect(board.map(\.level) == [.overdue, .overdue] && board.allSatisfy { $0.kind == .review })
        _ = try await visits.checkDeadlines()
        #expect(try await hall.events(prefix: "visit.review_overdue").count == 2, "announced once per visit")

        await #expect(throws: HomeVisitError.alternativeRequired) {
            try await visits.refuse(second.number, reason: "非本镇户籍", alternative: " ", reviewer: "head")
        }
        let refused = try await visits.refuse(
            second.number, reason: "该事项须本人到县政务大厅面签",
            alternative: "可预约周六到大厅办理，或由村委会协助代办", reviewer: "head")
        #expect(refused.state == .refused && refused.review?.alternative?.isEmpty == false)

        await #expect(throws: HomeVisitError.noStaff) {
            try await visits.approve(v.number, VisitApproval(day: LocalDay("2026-09-29")!, time: "09:30", staff: []), reviewer: "head")
        }
        await #expect(throws: HomeVisitError.unknownMaterial("passport")) {
            try await visits.approve(
                v.number,
                VisitApproval(
                    day: LocalDay("2026-09-29")!, time: "09:30", staff: ["wang.fang"],
                    materialIDs: ["passport"]), reviewer: "head")
        }
        let approved = try await visits.approve(
            v.number,
            VisitApproval(
                day: LocalDay("2026-09-30")!, time: "9:30", staff: ["wang.fang", "li.na"],
                materialIDs: ["id-card", "household-register"],
                extraMaterials: ["老年人优待证"], notes: "请家属在场"),
            reviewer: "head")
        #expect(approved.state == .approved && approved.review?.late == true)
        #expect(approved.plan?.time == "09:30" && approved.plan?.place == v.address)
        #expect(approved.plan?.materials.map(\.name) == ["居民身份证", "居民户口簿", "老年人优待证"])
        #expect(try await visits.duty(username: "li.na").map(\.number) == [v.number])

        await #expect(throws: HomeVisitError.beforeVisitDay(LocalDay("2026-09-30")!)) {
            try await visits.recordOutcome(v.number, VisitOutcomeReport(finishedOnSite: true, summary: "已办理"), clerk: "wang.fang")
        }
        hall.set("2026-09-30", "10:00")
        await #expect(throws: HomeVisitError.idNumberRequired) { try await visits.openCase(v.number, idNumber: nil, clerk: "wang.fang") }
        let (linked, opened) = try await visits.openCase(v.number, idNumber: "150626194001010014", clerk: "wang.fang")
        #expect(linked.caseID == opened.id && opened.owner == "wang.fang" && opened.item.id == "senior-allowance")
        #expect(try await hall.intake.loadCase(id: opened.id).applicant.displayName == "李秀英")
        await #expect(throws: HomeVisitError.caseAlreadyOpened(visit: v.number, caseID: opened.id)) {
            try await visits.openCase(v.number, idNumber: nil, clerk: "wang.fang")
        }
        await #expect(throws: HomeVisitError.missingField("未办结的事项")) {
            try await visits.recordOutcome(v.number, VisitOutcomeReport(finishedOnSite: false, summary: "已核对材料"), clerk: "wang.fang")
        }
        let unfinished = try await visits.recordOutcome(
            v.number,
            VisitOutcomeReport(
                finishedOnSite: false, summary: "已核对并拍摄材料",
                unfinished: "待民政所审核发放", workingDays: 3),
            clerk: "wang.fang")
        // Wed 09-30 + 3 working days: 国庆 10-01…10-07 off → 10-08, 10-09, Sat 10-10 (make-up).
        #expect(unfinished.state == .followUp && unfinished.outcome?.deadline == LocalDay("2026-10-10"))
        #expect(try await visits.recordReceipt(v.number, clerk: "wang.fang").receipts.map(\.sequence) == [1])
        _ = try await visits.addFollowUpNote(v.number, note: "已催办民政所", clerk: "head")
        hall.set("2026-10-12", "09:00")
        #expect(try await visits.checkDeadlines().first { $0.visitID == v.id }?.level == .overdue)
        let closed = try await visits.close(v.number, note: "津贴已核发，已电话告知申请人", clerk: "wang.fang")
        #expect(closed.state == .closed && closed.followUps.count == 1)

        await #expect(throws: HomeVisitError.missingField("抽查发现的问题")) {
            try await visits.recordSpotCheck(v.number, result: .problemsFound, note: nil, by: "head")
        }
        _ = try await visits.recordCall(v.number, outcome: .satisfied, note: "对上门服务满意", by: "li.na")
        let checked = try await visits.recordSpotCheck(String(v.id), result: .passed, note: nil, by: "head")
        #expect(checked.satisfactionCalls.map(\.outcome) == [.satisfied] && checked.spotChecks.map(\.by) == ["head"])
        await #expect(throws: HomeVisitError.invalidState(visit: second.number, state: .refused, action: "登记回访")) {
            try await visits.recordCall(second.number, outcome: .satisfied, note: nil, by: "li.na")
        }

        let types = try await hall.events(prefix: "visit.").map(\.0)
        #expect(types.contains("visit.follow_up_overdue") && types.contains("visit.case_opened") && types.contains("visit.spot_check"))
        for (_, body) in try await hall.events(prefix: "visit.") {
            #expect(!body.contains("李秀英") && !body.contains("13904771234") && !body.contains("巴音敖包"))
        }
    }
}
