import Foundation
import Testing

@testable import HallCore

/// The case state machine as pure functions.
@Suite struct CaseTransitionsTests {
    let day = IntakeTestData.day
    let now = IntakeTestData.morning("2025-09-30")

    private func newCase(
        _ itemID: String = "individual-business-establishment",
        delivery: DeliveryPreference = .windowPickup
    ) throws -> Case {
        var c = Case(
            item: try IntakeTestData.catalog().item(itemID),
            applicant: try .person(name: "张三丰", idNumber: IntakeTestData.idMale1985, phone: "13812345678"),
            delivery: delivery, owner: "clerk-li", openedAt: now, openedDay: day("2025-09-30"))
        c.id = 7
        return c
    }

    private func routed(
        _ itemID: String = "individual-business-establishment",
        delivery: DeliveryPreference = .windowPickup
    ) throws -> Case {
        let promised = CalendarAnswer(value: day("2025-10-11"), provisionalYears: [])
        let accepted = try CaseTransitions.accept(
            newCase(itemID, delivery: delivery), number: "BM20250930-0001",
            received: [], at: now, on: day("2025-09-30"), promised: promised)
        #expect(accepted.state == .accepted)
        return try CaseTransitions.route(accepted, at: now)
    }

    @Test func acceptanceSetsNumberAndDates() throws {
        let c = try routed()
        #expect(c.number == "BM20250930-0001")
        #expect(c.acceptedDay == day("2025-09-30"))
        #expect(c.promisedDay == day("2025-10-11"))
        #expect(c.state == .inReview)
        #expect(c.owner == "clerk-li")
        #expect(!c.hasProvisionalDates)
    }

    @Test func routingCreatesOnePendingReviewPerDepartmentAtOnce() throws {
        let c = try routed()
        #expect(c.reviews.map(\.department.id) == ["market-regulation", "tax"])
        #expect(c.reviews.allSatisfy { $0.decision == .pending })
    }

    @Test func departmentsAnswerInAnyOrderAndTheResultCombines() throws {
        var c = try routed()
        // Tax answers first: no department waits for another.
        c = try CaseTransitions.review(c, departmentID: "tax", decision: .approved, reviewer: "tax-wang", at: now)
        #expect(!CaseTransitions.isReadyToCombine(c))
        #expect(throws: CaseError.reviewsPending(case: "BM20250930-0001", departments: ["乌兰陶勒盖市场监督管理所"])) {
            try CaseTransitions.combine(c, at: now)
        }
        c = try CaseTransitions.review(c, departmentID: "market-regulation", decision: .approved, reviewer: "mr-zhao", at: now)
        #expect(CaseTransitions.isReadyToCombine(c))
        c = try CaseTransitions.combine(c, at: now)
        #expect(c.state == .decided)
        #expect(c.result == .approved)
    }

    @Test func anyRejectionRejectsWithEveryReason() throws {
        var c = try routed()
        c = try CaseTransitions.review(
            c, departmentID: "market-regulation", decision: .rejected(reason: "经营场所证明与实际地址不符"),
            reviewer: "mr-zhao", at: now)
        c = try CaseTransitions.review(
            c, departmentID: "tax", decision: .rejected(reason: "存在未办结的涉税事项"),
            reviewer: "tax-wang", at: now)
        c = try CaseTransitions.combine(c, at: now)
        guard case .rejected(let reasons) = c.result else { Issue.record("expected rejection"); return }
        #expect(reasons.map(\.reason) == ["经营场所证明与实际地址不符", "存在未办结的涉税事项"])
        #expect(reasons.map(\.department.id) == ["market-regulation", "tax"])
    }

    @Test func inspectionBlocksCombinationUntilResolved() throws {
        var c = try routed()
        c = try CaseTransitions.review(c, departmentID: "tax", decision: .approved, reviewer: "tax-wang", at: now)
        c = try CaseTransitions.review(
            c, departmentID: "market-regulation", decision: .needsInspection(note: "核查经营场所"),
            reviewer: "mr-zhao", at: now)
        #expect(!CaseTransitions.isReadyToCombine(c))
        #expect(throws: CaseError.inspectionPending(case: "BM20250930-0001", departments: ["乌兰陶勒盖市场监督管理所"])) {
            try CaseTransitions.combine(c, at: now)
        }
        c = try CaseTransitions.review(c, departmentID: "market-regulation", decision: .approved, reviewer: "mr-zhao", at: now)
        #expect(c.reviews[0].history == [.needsInspection(note: "核查经营场所")])
        #expect(try CaseTransitions.combine(c, at: now).result == .approved)
    }

    @Test func reviewRefusals() throws {
        var c = try routed()
        #expect(throws: CaseError.departmentNotOnCase(case: "BM20250930-0001", department: "civil-affairs")) {
            try CaseTransitions.review(c, departmentID: "civil-affairs", decision: .approved, reviewer: "x", at: now)
        }
        #expect(throws: CaseError.rejectionReasonMissing) {
            try CaseTransitions.review(c, departmentID: "tax", decision: .rejected(reason: ""), reviewer: "x", at: now)
        }
        #expect(throws: CaseError.inspectionNoteMissing) {
            try CaseTransitions.review(c, departmentID: "tax", decision: .needsInspection(note: " "), reviewer: "x", at: now)
        }
        #expect(throws: CaseError.decisionRequired) {
            try CaseTransitions.review(c, departmentID: "tax", decision: .pending, reviewer: "x", at: now)
        }
        c = try CaseTransitions.review(c, departmentID: "tax", decision: .approved, reviewer: "x", at: now)
        #expect(throws: CaseError.reviewAlreadyFinal(case: "BM20250930-0001", department: "乌兰陶勒盖税务分局")) {
            try CaseTransitions.review(c, departmentID: "tax", decision: .rejected(reason: "改变主意"), reviewer: "x", at: now)
        }
        #expect(throws: CaseError.invalidTransition(case: "#7", from: .preReview, action: "登记审批结论")) {
            try CaseTransitions.review(try newCase(), departmentID: "tax", decision: .approved, reviewer: "x", at: now)
        }
    }

    @Test func notifyOnceDeliverAndClose() throws {
        var c = try routed()
        for dept in ["market-regulation", "tax"] {
            c = try CaseTransitions.review(c, departmentID: dept, decision: .approved, reviewer: "r", at: now)
        }
        c = try CaseTransitions.combine(c, at: now)
        #expect(throws: CaseError.self) { try CaseTransitions.deliver(c, trackingNumber: nil, at: now) }  // not notified yet
        c = try CaseTransitions.notify(c, at: now)
        #expect(throws: CaseError.invalidTransition(case: "BM20250930-0001", from: .notified, action: "告知申请人")) {
            try CaseTransitions.notify(c, at: now)
        }
        #expect(throws: CaseError.self) { try CaseTransitions.close(c, at: now) }  // approved: deliver first
        c = try CaseTransitions.deliver(c, trackingNumber: nil, at: now)
        c = try CaseTransitions.close(c, at: now)
        #expect(c.state == .closed)
        #expect(c.closedAt == now)
    }

    @Test func postedResultNeedsTrackingNumber() throws {
        let post = try DeliveryPreference.byPost(address: "乌审旗乌兰陶勒盖镇某嘎查", recipient: "张三丰", phone: "13812345678")
        var c = try routed(delivery: post)
        for dept in ["market-regulation", "tax"] {
            c = try CaseTransitions.review(c, departmentID: dept, decision: .approved, reviewer: "r", at: now)
        }
        c = try CaseTransitions.notify(CaseTransitions.combine(c, at: now), at: now)
        #expect(throws: CaseError.trackingNumberRequired("BM20250930-0001")) { try CaseTransitions.deliver(c, trackingNumber: " ", at: now) }
        c = try CaseTransitions.deliver(c, trackingNumber: "EMS1234567890", at: now)
        #expect(c.trackingNumber == "EMS1234567890")
        #expect(throws: CaseError.missingDeliveryField("邮寄地址")) {
            try DeliveryPreference.byPost(address: "", recipient: "张三丰", phone: "13812345678")
        }
    }

    @Test func rejectedCaseMayCloseOnceNotified() throws {
        var c = try routed("senior-allowance")
        c = try CaseTransitions.review(c, departmentID: "civil-affairs", decision: .rejected(reason: "未满80周岁"), reviewer: "r", at: now)
        c = try CaseTransitions.notify(CaseTransitions.combine(c, at: now), at: now)
        #expect(try CaseTransitions.close(c, at: now).state == .closed)
    }

    @Test func correctionDeadlineLimitsResubmission() throws {
        let deadline = CalendarAnswer(value: day("2025-10-14"), provisionalYears: [])
        let c = try CaseTransitions.requestCorrection(
            newCase(), received: [], corrections: [], on: day("2025-09-30"),
            deadline: deadline)
        #expect(c.state == .correctionNeeded)
        #expect(c.correctionRounds == 1)
        let promised = CalendarAnswer(value: day("2025-10-17"), provisionalYears: [])
        #expect(throws: CaseError.correctionExpired(case: "#7", deadline: day("2025-10-14"))) {
            try CaseTransitions.accept(c, number: "N", received: [], at: now, on: day("2025-10-15"), promised: promised)
        }
        let accepted = try CaseTransitions.accept(c, number: "N", received: [], at: now, on: day("2025-10-14"), promised: promised)
        #expect(accepted.corrections.isEmpty && accepted.correctionDeadline == nil)
    }

    @Test func ownershipChangesOnlyExplicitly() throws {
        let c = try newCase()
        #expect(throws: CaseError.reasonRequired("转交")) { try CaseTransitions.reassign(c, to: "clerk-wang", by: "head", reason: "", at: now) }
        #expect(throws: CaseError.sameOwner("clerk-li")) { try CaseTransitions.reassign(c, to: "clerk-li", by: "head", reason: "x", at: now) }
        let moved = try CaseTransitions.reassign(c, to: "clerk-wang", by: "head", reason: "AB岗顶岗", at: now)
        #expect(moved.owner == "clerk-wang")
        #expect(moved.ownerChanges == [OwnerChange(from: "clerk-li", to: "clerk-wang", by: "head", reason: "AB岗顶岗", at: now)])
    }

    @Test func withdrawOnlyBeforeAcceptance() throws {
        let c = try CaseTransitions.withdraw(newCase(), reason: "申请人自愿撤回", at: now)
        #expect(c.state == .withdrawn)
        #expect(throws: CaseError.invalidTransition(case: "BM20250930-0001", from: .inReview, action: "撤回")) {
            try CaseTransitions.withdraw(try routed(), reason: "x", at: now)
        }
    }

    @Test func caseNumbersFormatAndParse() {
        #expect(CaseNumber.format(day: day("2026-11-25"), sequence: 1) == "BM20261125-0001")
        #expect(CaseNumber.format(day: day("2026-11-25"), sequence: 12345) == "BM20261125-12345")
        let parsed = CaseNumber.parse("BM20261125-0042")
        #expect(parsed?.day == day("2026-11-25") && parsed?.sequence == 42)
        #expect(CaseNumber.parse("BM20261131-0001") == nil)
        #expect(CaseNumber.parse("XX20261125-0001") == nil)
        #expect(CaseNumber.parse("BM20261125-01") == nil)
    }

    @Test func publicSummaryIsMasked() throws {
        let summary = try routed().publicSummary
        #expect(summary.applicant.name == "张*丰")
        #expect(summary.applicant.idNumber == "1506**********1230")
        #expect(summary.applicant.phone == "138****5678")
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(!json.contains(IntakeTestData.idMale1985))
        #expect(!json.contains("13812345678"))
        #expect(!json.contains("张三丰"))
        let enterprise = try Applicant.enterprise(
            name: "乌审旗草原人家牧家乐", creditCode: "92150626MA0N123457",
            contactPerson: "王五", phone: "0477-7552004"
        ).masked
        #expect(enterprise.contactPerson == "王*")
        #expect(enterprise.phone == "047*****2004")
    }

    @Test func applicantFieldsRequired() {
        #expect(throws: CaseError.missingApplicantField("姓名")) {
            try Applicant.person(name: " ", idNumber: IntakeTestData.idMale1985, phone: "13812345678")
        }
        #expect(throws: CaseError.missingApplicantField("身份证号码")) {
            try Applicant.person(name: "张三", idNumber: "", phone: "13812345678")
        }
        #expect(throws: IdentityError.idBadChecksum) {
            try Applicant.person(name: "张三", idNumber: "150626198503121231", phone: "13812345678")
        }
        #expect(throws: CaseError.missingApplicantField("联系人")) {
            try Applicant.enterprise(name: "某公司", creditCode: "92150626MA0N123457", contactPerson: "", phone: "13812345678")
        }
    }

    @Test func applicantJSONRoundTripsAndValidates() throws {
        let applicant = try Applicant.person(name: "张三", idNumber: IntakeTestData.idMale1985, phone: "13812345678")
        let data = try JSONEncoder().encode(applicant)
        #expect(try JSONDecoder().decode(Applicant.self, from: data) == applicant)
        let bad = #"{"kind":"person","name":"张三","idNumber":"150626198503121231","phone":"13812345678"}"#
        #expect(throws: IdentityError.idBadChecksum) { try JSONDecoder().decode(Applicant.self, from: Data(bad.utf8)) }
    }
}
