import Foundation
import HallTestSupport
import Testing

@testable import HallCore

/// The intake use cases through an in-memory store with real transaction semantics, on the real
/// 2025/2026 calendar and the shipped sample catalog.
@Suite struct IntakeServiceTests {
    let day = IntakeTestData.day

    struct Hall {
        let store = IntakeInMemoryStore()
        let sink = RecordingSink()
        let clock: ManualClock
        let service: IntakeService

        init(at text: String, settings: IntakeSettings = IntakeSettings(), schedules: [Int] = [2025, 2026]) async throws {
            clock = ManualClock(IntakeTestData.morning(text))
            service = IntakeService(store: store, clock: clock, settings: settings, sink: sink)
            _ = try await service.importCatalog(IntakeTestData.data("data/catalog/sample-catalog.json"), actor: "admin")
            for year in schedules {
                _ = try await service.importSchedule(IntakeTestData.data("data/calendar/cn-\(year).json"), actor: "admin")
            }
        }

        func move(to text: String) { clock.set(IntakeTestData.morning(text)) }

        func open(_ itemID: String, delivery: DeliveryPreference = .windowPickup, clerk: String = "clerk-li") async throws -> Case {
            let applicant = try Applicant.person(name: "张三丰", idNumber: IntakeTestData.idMale1985, phone: "13812345678")
            return try await service.open(
                OpenCaseRequest(
                    itemID: itemID, applicant: applicant, delivery: delivery,
                    clerk: clerk, ticketID: 42, window: 3))
        }

        func allReceived(_ c: Case) -> [MaterialMark] { c.item.materials.map { .received($0.id) } }
    }

    @Test func fullParallelFlowOnTheRealCalendar() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let opened = try await hall.open("individual-business-establishment")
        #expect(opened.state == .preReview)
        #expect(opened.owner == "clerk-li")
        #expect(opened.ticketID == 42)

        let report = try await hall.service.preReview(caseID: opened.id, marks: hall.allReceived(opened), clerk: "clerk-li")
        let accepted = report.intakeCase
        #expect(accepted.number == "BM20250930-0001")
        #expect(accepted.acceptedDay == day("2025-09-30"))
        // Simple item: 10-01…10-08 off; 10-09 (1), 10-10 (2), make-up Saturday 10-11 (3).
        #expect(accepted.promisedDay == day("2025-10-11"))
        #expect(accepted.state == .inReview)
        #expect(accepted.reviews.map(\.department.id) == ["market-regulation", "tax"])

        hall.move(to: "2025-10-09")
        var c = try await hall.service.recordReview(caseID: opened.id, departmentID: "tax", decision: .approved, reviewer: "tax-wang")
        #expect(c.state == .inReview)
        c = try await hall.service.recordReview(
            caseID: opened.id, departmentID: "market-regulation", decision: .approved,
            reviewer: "mr-zhao")
        #expect(c.state == .decided)
        #expect(c.result == .approved)
        c = try await hall.service.notifyApplicant(caseID: c.id, clerk: "clerk-wang")
        c = try await hall.service.deliver(caseID: c.id, clerk: "clerk-li")
        c = try await hall.service.close(caseID: c.id, clerk: "clerk-li")
        #expect(c.state == .closed)
        #expect(c.owner == "clerk-li")  // another clerk acting never changes the owner

        #expect(
            hall.sink.types.filter { $0.rawValue.hasPrefix("case.") } == [
                .caseOpened, .caseAccepted, .caseRouted, .caseReviewed, .caseReviewed, .caseCompleted,
                .caseNotified, .caseDelivered, .caseClosed,
            ])
        let acceptedEvent = try #require(hall.sink.all.first { $0.type == .caseAccepted })
        #expect(acceptedEvent.data?["caseNumber"] == "BM20250930-0001")
        #expect(acceptedEvent.data?["promisedDay"] == "2025-10-11")
        #expect(acceptedEvent.window == 3)
        // Events are logged in the store and carry no personal data.
        #expect(hall.store.committed.events.count == hall.sink.all.count)
        let log = String(decoding: try JSONEncoder().encode(hall.sink.all), as: UTF8.self)
        #expect(!log.contains(IntakeTestData.idMale1985) && !log.contains("13812345678") && !log.contains("张三丰"))
    }

    @Test func caseNumbersCountPerAcceptanceDay() async throws {
        let hall = try await Hall(at: "2026-11-25")
        var numbers: [String?] = []
        for _ in 0..<2 {
            let c = try await hall.open("senior-allowance")
            numbers.append(try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li").intakeCase.number)
        }
        hall.move(to: "2026-11-26")
        let next = try await hall.open("senior-allowance")
        numbers.append(try await hall.service.preReview(caseID: next.id, marks: hall.allReceived(next), clerk: "clerk-li").intakeCase.number)
        #expect(numbers == ["BM20261125-0001", "BM20261125-0002", "BM20261126-0001"])
        #expect(try await hall.service.loadCase(number: "BM20261125-0002").id == 2)
    }

    @Test func correctionThenResubmission() async throws {
        let hall = try await Hall(at: "2026-02-12")  // Thursday before the Spring Festival
        let c = try await hall.open("disability-two-subsidies")
        let first = try await hall.service.preReview(
            caseID: c.id, marks: [.received("id-card"), .defective("photo", "照片非近期")],
            clerk: "clerk-li")
        guard case .incomplete(_, let corrections) = first.outcome else { Issue.record("expected correction"); return }
        #expect(corrections.map(\.materialID) == ["household-register", "disability-card", "application", "photo", "bank-card"])
        // 5 working days from Thu 02-12: Fri 02-13 (1), Sat 02-14 make-up (2), 02-15…02-23 off,
        // Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5).
        #expect(first.intakeCase.correctionDeadline == day("2026-02-26"))
        #expect(first.intakeCase.state == .correctionNeeded)
        #expect(first.intakeCase.number == nil)
        let event = try #require(hall.sink.all.last)
        #expect(event.type == .caseCorrectionNeeded)
        #expect(event.data?["problems"] == "5")
        #expect(event.data?["correctionDeadline"] == "2026-02-26")

        // Resubmission re-runs pre-review; still one missing → a new full list.
        hall.move(to: "2026-02-24")
        var marks = c.item.materials.map { MaterialMark.received($0.id) }
        marks.removeAll { $0.materialID == "bank-card" }
        let second = try await hall.service.preReview(caseID: c.id, marks: marks, clerk: "clerk-li")
        #expect(second.intakeCase.corrections.map(\.materialID) == ["bank-card"])
        #expect(second.intakeCase.correctionRounds == 2)
        // Deadline from Tue 02-24: 25, 26, 27, Sat 02-28 make-up, Mon 03-02.
        #expect(second.intakeCase.correctionDeadline == day("2026-03-02"))

        hall.move(to: "2026-02-26")
        let third = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        #expect(third.intakeCase.state == .inReview)
        // Complex item (7) from Thu 02-26: 27 (1), Sat 28 (2), 03-02…03-06 (3…7).
        #expect(third.intakeCase.promisedDay == day("2026-03-06"))
        #expect(third.intakeCase.number == "BM20260226-0001")
    }

    @Test func lateResubmissionIsRefused() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("senior-allowance")
        let first = try await hall.service.preReview(caseID: c.id, marks: [], clerk: "clerk-li")
        // 5 working days from 09-30: 10-09, 10-10, 10-11, 10-13, 10-14.
        #expect(first.intakeCase.correctionDeadline == day("2025-10-14"))
        hall.move(to: "2025-10-15")
        await #expect(throws: CaseError.correctionExpired(case: "#1", deadline: day("2025-10-14"))) {
            try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        }
        #expect(try await hall.service.withdraw(caseID: c.id, reason: "逾期未补正", clerk: "clerk-li").state == .withdrawn)
    }

    @Test func acceptancePastTheCoveredYearsIsRefusedAndNothingIsStored() async throws {
        let hall = try await Hall(at: "2026-12-29")
        let c = try await hall.open("senior-allowance")
        let eventsBefore = hall.store.committed.events.count
        await #expect(throws: CalendarError.notCovered(year: 2027)) {
            try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        }
        let state = hall.store.committed
        #expect(state.cases[c.id]?.state == .preReview)
        #expect(state.sequences.isEmpty)  // no case number spent
        #expect(state.events.count == eventsBefore)  // no event logged

        // After the administrator imports 2027, the same acceptance works.
        let s2027 = #"{"year":2027,"holidays":[{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}],"makeUpWorkdays":[]}"#
        _ = try await hall.service.importSchedule(Data(s2027.utf8), actor: "admin")
        let accepted = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li").intakeCase
        // 12-30 (1), 12-31 (2), 2027-01-01…03 off (test schedule), Mon 01-04 (3).
        #expect(accepted.promisedDay == day("2027-01-04"))
        #expect(!accepted.hasProvisionalDates)
        #expect(accepted.number == "BM20261229-0001")
    }

    @Test func provisionalDatesOnlyWhenAllowedAndFlagged() async throws {
        let hall = try await Hall(at: "2026-12-29", settings: IntakeSettings(allowProvisionalDates: true))
        let c = try await hall.open("senior-allowance")
        let accepted = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li").intakeCase
        // 12-30 (1), 12-31 (2), 2027-01-01 元旦 and the weekend off even without the 2027 schedule, Mon 01-04 (3).
        #expect(accepted.promisedDay == day("2027-01-04"))
        #expect(accepted.hasProvisionalDates)
        #expect(accepted.publicSummary.hasProvisionalDates)
        #expect(hall.sink.all.first { $0.type == .caseAccepted }?.data?["provisional"] == "true")
    }

    @Test func reviewByADepartmentNotOnTheCaseIsRefused() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("senior-allowance")
        _ = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        await #expect(throws: CaseError.departmentNotOnCase(case: "BM20250930-0001", department: "tax")) {
            try await hall.service.recordReview(caseID: c.id, departmentID: "tax", decision: .approved, reviewer: "tax-wang")
        }
        #expect(try await hall.service.loadCase(id: c.id).reviews.allSatisfy { $0.decision == .pending })
    }

    @Test func inspectionHoldsTheResultBack() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("individual-business-establishment")
        _ = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        _ = try await hall.service.recordReview(
            caseID: c.id, departmentID: "market-regulation",
            decision: .needsInspection(note: "核查经营场所"), reviewer: "mr-zhao")
        let waiting = try await hall.service.recordReview(caseID: c.id, departmentID: "tax", decision: .approved, reviewer: "tax-wang")
        #expect(waiting.state == .inReview)
        await #expect(throws: CaseError.invalidTransition(case: "BM20250930-0001", from: .inReview, action: "告知申请人")) {
            try await hall.service.notifyApplicant(caseID: c.id, clerk: "clerk-li")
        }
        let done = try await hall.service.recordReview(
            caseID: c.id, departmentID: "market-regulation",
            decision: .rejected(reason: "经营场所与申报不符"), reviewer: "mr-zhao")
        #expect(done.state == .decided)
        #expect(done.result == .rejected(reasons: [DepartmentReason(department: done.reviews[0].department, reason: "经营场所与申报不符")]))
    }

    @Test func postedDeliveryNeedsTracking() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let post = try DeliveryPreference.byPost(address: "乌审旗乌兰陶勒盖镇巴音敖包嘎查", recipient: "张三丰", phone: "13812345678")
        let c = try await hall.open("veteran-preferential-card", delivery: post)
        _ = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        _ = try await hall.service.recordReview(caseID: c.id, departmentID: "veterans", decision: .approved, reviewer: "vet")
        _ = try await hall.service.notifyApplicant(caseID: c.id, clerk: "clerk-li")
        await #expect(throws: CaseError.trackingNumberRequired("BM20250930-0001")) {
            try await hall.service.deliver(caseID: c.id, clerk: "clerk-li")
        }
        let delivered = try await hall.service.deliver(caseID: c.id, trackingNumber: "1180123456789", clerk: "clerk-li")
        #expect(delivered.trackingNumber == "1180123456789")
        #expect(hall.sink.all.last?.data?["method"] == "邮寄送达")
    }

    @Test func overdueAndDueSoonArePushedOncePerLevel() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("senior-allowance")
        _ = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")  // promised 10-11
        hall.move(to: "2025-10-09")
        #expect(try await hall.service.checkDeadlines().map(\.level) == [.onTrack])
        hall.move(to: "2025-10-10")
        #expect(try await hall.service.checkDeadlines().map(\.level) == [.dueSoon])
        _ = try await hall.service.checkDeadlines()  // same level again: no second push
        hall.move(to: "2025-10-13")
        let board = try await hall.service.deadlineBoard()
        #expect(board.map(\.level) == [.overdue])
        #expect(board.first?.waitingFor == ["镇民政办公室"])
        _ = try await hall.service.checkDeadlines()
        _ = try await hall.service.checkDeadlines()
        #expect(hall.sink.types.filter { $0 == .caseDueSoon || $0 == .caseOverdue } == [.caseDueSoon, .caseOverdue])
        #expect(hall.sink.all.last?.data?["caseNumber"] == "BM20250930-0001")
    }

    @Test func publicStatusIsMasked() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("senior-allowance")
        _ = try await hall.service.preReview(caseID: c.id, marks: hall.allReceived(c), clerk: "clerk-li")
        let status = try await hall.service.publicStatus(number: "BM20250930-0001")
        #expect(status.applicant.name == "张*丰")
        #expect(status.stateLabel == "部门审批中")
        await #expect(throws: CaseError.unknownCase("BM20250930-0099")) {
            try await hall.service.publicStatus(number: "BM20250930-0099")
        }
    }

    @Test func badRequestsAreRefused() async throws {
        let hall = try await Hall(at: "2025-09-30")
        await #expect(throws: CatalogError.unknownItem("passport")) { try await hall.open("passport") }
        await #expect(throws: CaseError.missingClerk) { try await hall.open("senior-allowance", clerk: " ") }
        await #expect(throws: CaseError.unknownCase("#99")) {
            try await hall.service.preReview(caseID: 99, marks: [], clerk: "clerk-li")
        }
        let empty = IntakeService(store: IntakeInMemoryStore(), clock: hall.clock, settings: IntakeSettings(), sink: hall.sink)
        await #expect(throws: CaseError.catalogNotLoaded) {
            try await empty.open(
                OpenCaseRequest(
                    itemID: "senior-allowance",
                    applicant: try .person(
                        name: "张三", idNumber: IntakeTestData.idMale1985,
                        phone: "13812345678"), clerk: "clerk-li"))
        }
    }

    @Test func importsValidateAndRefuseDuplicates() async throws {
        let hall = try await Hall(at: "2025-09-30")
        await #expect(throws: CalendarError.duplicateYear(2026)) {
            try await hall.service.importSchedule(IntakeTestData.data("data/calendar/cn-2026.json"), actor: "admin")
        }
        _ = try await hall.service.importSchedule(IntakeTestData.data("data/calendar/cn-2026.json"), replacing: true, actor: "admin")
        #expect(try await hall.service.calendar().coveredYears == [2025, 2026])
        await #expect(throws: CatalogError.empty) {
            try await hall.service.importCatalog(Data(#"{"items":[]}"#.utf8), actor: "admin")
        }
        #expect(try await hall.service.catalog().items.count == 15)
        #expect(hall.sink.types.filter { $0 == .calendarImported }.count == 3)
    }

    @Test func reassignmentIsRecorded() async throws {
        let hall = try await Hall(at: "2025-09-30")
        let c = try await hall.open("senior-allowance")
        let moved = try await hall.service.reassign(caseID: c.id, to: "clerk-wang", reason: "AB岗顶岗", by: "head-zhang")
        #expect(moved.owner == "clerk-wang")
        let event = try #require(hall.sink.all.last)
        #expect(event.type == .caseReassigned)
        #expect(event.data?["from"] == "clerk-li" && event.data?["to"] == "clerk-wang")
    }
}
