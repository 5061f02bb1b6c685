/// Everything case intake refuses, with a message a clerk can act on. Messages name cases by
/// number and never carry an applicant's personal data.
public enum CaseError: HallFailure, Equatable {
    case unknownCase(String)
    case catalogNotLoaded
    case missingApplicantField(String)
    case invalidApplicantField(String, limit: Int)
    case missingDeliveryField(String)
    case missingClerk
    case invalidTransition(case: String, from: CaseState, action: String)
    case unknownMaterial(item: String, material: String)
    case duplicateMaterialMark(String)
    case defectReasonMissing(String)
    case correctionExpired(case: String, deadline: LocalDay)
    case departmentNotOnCase(case: String, department: String)
    case reviewAlreadyFinal(case: String, department: String)
    case decisionRequired
    case rejectionReasonMissing
    case inspectionNoteMissing
    case reviewsPending(case: String, departments: [String])
    case inspectionPending(case: String, departments: [String])
    case trackingNumberRequired(String)
    case reasonRequired(String)
    case sameOwner(String)

    public var code: String {
        switch self {
        case .unknownCase: "unknown_case"
        case .catalogNotLoaded: "catalog_not_loaded"
        case .missingApplicantField: "missing_applicant_field"
        case .invalidApplicantField: "invalid_applicant_field"
        case .missingDeliveryField: "missing_delivery_field"
        case .missingClerk: "missing_clerk"
        case .invalidTransition: "invalid_case_transition"
        case .unknownMaterial: "unknown_material"
        case .duplicateMaterialMark: "duplicate_material_mark"
        case .defectReasonMissing: "defect_reason_missing"
        case .correctionExpired: "correction_expired"
        case .departmentNotOnCase: "department_not_on_case"
        case .reviewAlreadyFinal: "review_already_final"
        case .decisionRequired: "decision_required"
        case .rejectionReasonMissing: "rejection_reason_missing"
        case .inspectionNoteMissing: "inspection_note_missing"
        case .reviewsPending: "reviews_pending"
        case .inspectionPending: "inspection_pending"
        case .trackingNumberRequired: "tracking_number_required"
        case .reasonRequired: "reason_required"
        case .sameOwner: "same_owner"
        }
    }

    public var message: String {
        switch self {
        case .unknownCase(let c): "找不到案件\(c)，请核对受理编号。"
        case .catalogNotLoaded: "尚未导入事项清单，请管理员先导入。"
        case .missingApplicantField(let f): "请填写申请人的\(f)。"
        case .invalidApplicantField(let f, let limit): "申请人的\(f)最多 \(limit) 个字，且不能含控制字符或文字方向控制符。"
        case .missingDeliveryField(let f): "选择邮寄送达时请填写\(f)。"
        case .missingClerk: "请注明经办窗口工作人员。"
        case .invalidTransition(let c, let from, let action): "案件\(c)当前状态为“\(from.label)”，不能\(action)。"
        case .unknownMaterial(let item, let m): "材料“\(m)”不在事项“\(item)”的材料清单中。"
        case .duplicateMaterialMark(let m): "材料“\(m)”被标记了两次，请只标记一次。"
        case .defectReasonMissing(let m): "材料“\(m)”标记为不合格时必须写明原因。"
        case .correctionExpired(let c, let d): "案件\(c)的补正期限\(d)已过，请重新申请。"
        case .departmentNotOnCase(let c, let d): "部门“\(d)”不是案件\(c)的审批部门。"
        case .reviewAlreadyFinal(let c, let d): "部门“\(d)”已对案件\(c)作出审批结论，不能更改。"
        case .decisionRequired: "请选择审批结论：通过、不通过或需现场核查。"
        case .rejectionReasonMissing: "不予通过时必须写明理由。"
        case .inspectionNoteMissing: "需现场核查时请写明核查事项。"
        case .reviewsPending(let c, let ds): "案件\(c)还在等待以下部门的审批结论：\(ds.joined(separator: "、"))。"
        case .inspectionPending(let c, let ds): "案件\(c)有部门需现场核查，核查完成前不能汇总结果：\(ds.joined(separator: "、"))。"
        case .trackingNumberRequired(let c): "案件\(c)为邮寄送达，请填写邮寄单号。"
        case .reasonRequired(let action): "\(action)时必须写明原因。"
        case .sameOwner(let clerk): "案件已由\(clerk)负责，无需转交。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownCase: .notFound
        case .catalogNotLoaded, .invalidTransition, .correctionExpired, .reviewAlreadyFinal, .reviewsPending,
            .inspectionPending, .sameOwner:
            .conflict
        default: .invalidInput
        }
    }
}
