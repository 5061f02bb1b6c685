import Testing

@testable import HallCore

/// Pre-review of materials: complete → accepted; otherwise every problem at once.
@Suite struct CasePreReviewTests {
    private func item() throws -> CatalogItem { try IntakeTestData.catalog().item("disability-two-subsidies") }

    @Test func everyRequiredMaterialReceivedIsComplete() throws {
        let item = try item()
        let marks = item.materials.map { MaterialMark.received($0.id) }
        guard case .complete(let received) = try PreReview.evaluate(item, marks: marks) else {
            Issue.record("expected complete"); return
        }
        #expect(received.map(\.materialID) == item.materials.map(\.id))
    }

    @Test func everyProblemIsListedAtOnceInChecklistOrder() throws {
        let item = try item()
        // Received: id-card, photo. Defective: disability-card. Unmarked required: household-register,
        // application, bank-card.
        let marks: [MaterialMark] = [.received("photo"), .defective("disability-card", "残疾人证已过有效期"), .received("id-card")]
        guard case .incomplete(let received, let corrections) = try PreReview.evaluate(item, marks: marks) else {
            Issue.record("expected incomplete"); return
        }
        #expect(received.map(\.materialID) == ["id-card", "photo"])
        #expect(corrections.map(\.materialID) == ["household-register", "disability-card", "application", "bank-card"])
        let defect = try #require(corrections.first { $0.materialID == "disability-card" })
        #expect(defect.problem == .defective)
        #expect(defect.reason == "残疾人证已过有效期")
        let missing = try #require(corrections.first { $0.materialID == "household-register" })
        #expect(missing.problem == .missing)
        #expect(missing.reason == "未提交（原件及复印件1份）")
        #expect(missing.notes == "户主页及本人页")
    }

    @Test func optionalMaterialsOnlyWhenMarked() throws {
        let item = try IntakeTestData.catalog().item("medical-out-of-area-filing")
        let required = item.materials.filter(\.required).map { MaterialMark.received($0.id) }
        // The optional referral letter, unmarked, is not needed …
        guard case .complete = try PreReview.evaluate(item, marks: required) else { Issue.record("expected complete"); return }
        // … but marked missing (this applicant is referred), it is a correction.
        guard case .incomplete(_, let corrections) = try PreReview.evaluate(item, marks: required + [.missing("referral")]) else {
            Issue.record("expected incomplete"); return
        }
        #expect(corrections.map(\.materialID) == ["referral"])
    }

    @Test func badMarksRefused() throws {
        let item = try item()
        #expect(throws: CaseError.unknownMaterial(item: "disability-two-subsidies", material: "passport")) {
            try PreReview.evaluate(item, marks: [.received("passport")])
        }
        #expect(throws: CaseError.duplicateMaterialMark("photo")) {
            try PreReview.evaluate(item, marks: [.received("photo"), .missing("photo")])
        }
        #expect(throws: CaseError.defectReasonMissing("photo")) {
            try PreReview.evaluate(item, marks: [.defective("photo", "  ")])
        }
    }
}
