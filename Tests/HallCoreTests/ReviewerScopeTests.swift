import Foundation
import Testing

@testable import HallCore

/// Who may review for which department, and what a reviewer sees of a case.
@Suite struct ReviewerScopeTests {
    let day = IntakeTestData.day
    let now = IntakeTestData.morning("2025-09-30")

    private func reviewer(_ department: String?, roles: [Role] = [.reviewer]) -> Principal {
        Principal(name: "r", displayName: "审核员", roles: roles, isDevice: false, departmentID: department)
    }

    @Test func aReviewerActsForTheirOwnDepartmentOnly() throws {
        #expect(try ReviewerScope.department(for: reviewer("tax"), requested: nil) == "tax")
        #expect(try ReviewerScope.department(for: reviewer("tax"), requested: " tax ") == "tax")
        #expect(throws: ReviewAccessError.otherDepartment(own: "税务", requested: "民政")) {
            try ReviewerScope.department(for: reviewer("tax"), requested: "civil-affairs") { ["tax": "税务", "civil-affairs": "民政"][$0]! }
        }
        #expect(throws: ReviewAccessError.noDepartment(user: "r")) { try ReviewerScope.department(for: reviewer(nil), requested: "tax") }
        #expect(throws: ReviewAccessError.noDepartment(user: "r")) { try ReviewerScope.department(for: reviewer(" "), requested: nil) }
    }

    @Test func theHeadActsForAnyNamedDepartment() throws {
        let head = reviewer(nil, roles: [.head])
        #expect(try ReviewerScope.department(for: head, requested: "civil-affairs") == "civil-affairs")
        #expect(throws: ReviewAccessError.departmentRequired) { try ReviewerScope.department(for: head, requested: nil) }
        #expect(try ReviewerScope.department(for: reviewer("tax", roles: [.reviewer, .head]), requested: "veterans") == "veterans")
        #expect(ReviewAccessError.otherDepartment(own: "a", requested: "b").kind == .forbidden)
        #expect(ReviewAccessError.departmentRequired.kind == .invalidInput)
    }

    @Test func theReviewerViewShowsIdentityMasksContactAndHidesOtherAnswers() throws {
        var c = Case(
            item: try IntakeTestData.catalog().item("individual-business-establishment"),
            applicant: try .person(name: "张三丰", idNumber: IntakeTestData.idMale1985, phone: "13812345678"),
            delivery: try .byPost(address: "巴音敖包嘎查3组", recipient: "张三丰", phone: "13812345678"),
            owner: "clerk-li", openedAt: now, openedDay: day("2025-09-30"))
        c.id = 7
        c = try CaseTransitions.accept(
            c, number: "BM20250930-0001", received: [], at: now, on: day("2025-09-30"),
            promised: CalendarAnswer(value: day("2025-10-11"), provisionalYears: []))
        c = try CaseTransitions.route(c, at: now)
        c = try CaseTransitions.review(
            c, departmentID: "market-regulation", decision: .rejected(reason: "经营场所不符"),
            reviewer: "mr", at: now)
        let view = try ReviewerCaseView(c, departmentID: "tax")
        #expect(view.applicant.name == "张三丰" && view.applicant.idNumber == IntakeTestData.idMale1985)
        #expect(view.applicant.phone == "138****5678" && view.delivery == "邮寄送达")
        #expect(view.review.decision == .pending && view.awaitingAnswer)
        #expect(view.otherDepartments == [c.reviews[0].department.name])
        let json = String(decoding: try HallJSON.encoder().encode(view), as: UTF8.self)
        #expect(!json.contains("经营场所不符") && !json.contains("巴音敖包") && !json.contains("13812345678"))
        #expect(throws: ReviewAccessError.notRouted(case: "BM20250930-0001", department: "civil-affairs")) {
            try ReviewerCaseView(c, departmentID: "civil-affairs")
        }
    }
}
