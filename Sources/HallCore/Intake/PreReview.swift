/// The result of checking the handed-in materials against an item's checklist.
public enum PreReviewOutcome: Sendable, Hashable {
    /// Everything required is there and in order: the case can be accepted.
    case complete(received: [ReceivedMaterial])
    /// Something is missing or defective: every problem, all at once (一次性告知).
    case incomplete(received: [ReceivedMaterial], corrections: [CorrectionItem])
}

/// Pre-review of materials (材料预审) as a pure function.
public enum PreReview {
    /// Checks `marks` against `item`'s checklist.
    ///
    /// - A required material without a mark counts as missing.
    /// - A material marked missing or defective is always a correction, even an optional one (the
    ///   clerk marks an optional material only when this case needs it).
    /// - An optional material without a mark is simply not needed.
    ///
    /// Corrections follow the checklist's order.
    /// - Throws: `CaseError.unknownMaterial` for a mark not on the checklist, `duplicateMaterialMark`
    ///   for two marks of one material, `defectReasonMissing` for a defect without a reason.
    public static func evaluate(_ item: CatalogItem, marks: [MaterialMark]) throws -> PreReviewOutcome {
        var byID: [String: MaterialStatus] = [:]
        for mark in marks {
            guard item.material(mark.materialID) != nil else {
                throw CaseError.unknownMaterial(item: item.id, material: mark.materialID)
            }
            guard byID[mark.materialID] == nil else { throw CaseError.duplicateMaterialMark(mark.materialID) }
            if case .defective(let reason) = mark.status, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CaseError.defectReasonMissing(mark.materialID)
            }
            byID[mark.materialID] = mark.status
        }
        var received: [ReceivedMaterial] = []
        var corrections: [CorrectionItem] = []
        for material in item.materials {
            switch byID[material.id] {
            case .received?:
                received.append(
                    ReceivedMaterial(
                        materialID: material.id, name: material.name, form: material.form,
                        count: material.count))
            case .defective(let reason)?:
                corrections.append(correction(material, .defective, reason.trimmingCharacters(in: .whitespaces)))
            case .missing?:
                corrections.append(correction(material, .missing, missingReason(material)))
            case nil where material.required:
                corrections.append(correction(material, .missing, missingReason(material)))
            case nil:
                break
            }
        }
        return corrections.isEmpty
            ? .complete(received: received)
            : .incomplete(received: received, corrections: corrections)
    }

    private static func missingReason(_ material: Material) -> String {
        "未提交（\(material.form.label)\(material.count)份）"
    }

    private static func correction(_ material: Material, _ problem: CorrectionItem.Problem, _ reason: String) -> CorrectionItem {
        CorrectionItem(
            materialID: material.id, name: material.name, form: material.form, count: material.count,
            problem: problem, reason: reason, notes: material.notes)
    }
}
