/// Why a follow-up request is refused.
public enum FollowUpError: HallFailure, Equatable {
    case consentRequired
    case subjectRequired
    case badPhone
    case badSourceKind(String)
    case dueInPast(LocalDay)
    case dueNotWorkingDay(LocalDay)
    case badDueWorkingDays(Int)
    case unknownOwner(String)
    case unknownFollowUp(Int64)
    case alreadyClosed(id: Int64, state: FollowUp.State)
    case resultRequired
    case notOwner(owner: String)

    public var code: String {
        switch self {
        case .consentRequired: "followup_consent_required"
        case .subjectRequired: "followup_subject_required"
        case .badPhone: "followup_bad_phone"
        case .badSourceKind: "followup_bad_source"
        case .dueInPast: "followup_due_in_past"
        case .dueNotWorkingDay: "followup_due_not_working_day"
        case .badDueWorkingDays: "followup_bad_due_days"
        case .unknownOwner: "followup_unknown_owner"
        case .unknownFollowUp: "followup_unknown"
        case .alreadyClosed: "followup_closed"
        case .resultRequired: "followup_result_required"
        case .notOwner: "followup_not_owner"
        }
    }

    public var message: String {
        switch self {
        case .consentRequired: "留存群众联系方式须先征得本人同意，请确认群众同意后再登记。"
        case .subjectRequired: "请填写待办事项（要告知群众的内容）。"
        case .badPhone: "联系电话无效，请填写手机号或带区号的固定电话。"
        case .badSourceKind(let kind): "来源类别“\(kind)”无效，只能用小写字母和连字符。"
        case .dueInPast(let day): "告知期限 \(day) 已经过去，请选择今天或以后的工作日。"
        case .dueNotWorkingDay(let day): "告知期限 \(day) 不是工作日。"
        case .badDueWorkingDays(let n): "期限 \(n) 个工作日无效，应为 0 至 60。"
        case .unknownOwner(let name): "没有工作人员账号“\(name)”。"
        case .unknownFollowUp(let id): "没有编号为 \(id) 的待办回告。"
        case .alreadyClosed(let id, let state): "第 \(id) 号待办回告已“\(state.label)”。"
        case .resultRequired: "请填写告知结果（告诉了群众什么）或取消原因。"
        case .notOwner(let owner): "这项待办由 \(owner) 负责，只有负责人本人或中心负责人可以办结。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownFollowUp, .unknownOwner: .notFound
        case .alreadyClosed: .conflict
        case .notOwner: .forbidden
        default: .invalidInput
        }
    }
}
