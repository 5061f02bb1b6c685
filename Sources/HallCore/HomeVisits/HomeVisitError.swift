/// Everything home visits refuse, with a message a clerk can act on. Messages name visits by number
/// and never carry the applicant's personal data.
public enum HomeVisitError: HallFailure, Equatable {
    case unknownVisit(String)
    case missingField(String)
    case itemNotEligible(String)
    case agentIncomplete
    case invalidState(visit: String, state: HomeVisitState, action: String)
    case reasonRequired
    case alternativeRequired
    case noStaff
    case unknownStaff(String)
    case unknownMaterial(String)
    case badTime(String)
    case beforeVisitDay(LocalDay)
    case caseAlreadyOpened(visit: String, caseID: Int64)
    case idNumberRequired
    case badWorkingDays(Int)

    public var code: String {
        switch self {
        case .unknownVisit: "unknown_visit"
        case .missingField: "missing_field"
        case .itemNotEligible: "item_not_home_visit_eligible"
        case .agentIncomplete: "agent_incomplete"
        case .invalidState: "invalid_visit_state"
        case .reasonRequired: "refusal_reason_required"
        case .alternativeRequired: "alternative_required"
        case .noStaff: "visit_staff_required"
        case .unknownStaff: "unknown_staff"
        case .unknownMaterial: "unknown_material"
        case .badTime: "bad_time"
        case .beforeVisitDay: "before_visit_day"
        case .caseAlreadyOpened: "visit_case_exists"
        case .idNumberRequired: "id_number_required"
        case .badWorkingDays: "bad_working_days"
        }
    }

    public var message: String {
        switch self {
        case .unknownVisit(let v): "找不到上门服务申请\(v)。"
        case .missingField(let f): "请填写\(f)。"
        case .itemNotEligible(let item): "“\(item)”不在可上门办理的事项范围内，请告知申请人其他办理方式（如预约服务或委托代办）。"
        case .agentIncomplete: "由代理人申请时，须写明代理人姓名及与申请人的关系。"
        case .invalidState(let v, let state, let action): "上门服务\(v)当前状态为“\(state.label)”，不能\(action)。"
        case .reasonRequired: "不予上门服务时必须说明理由。"
        case .alternativeRequired: "不予上门服务时必须提供替代解决方案（如预约服务、代办、邮寄等）。"
        case .noStaff: "请指派至少一名上门工作人员。"
        case .unknownStaff(let u): "找不到在岗工作人员账号“\(u)”，请核对用户名（账号须已启用）。"
        case .unknownMaterial(let m): "材料“\(m)”不在该事项的材料清单中。"
        case .badTime(let t): "上门时间“\(t)”格式不正确，请写成 09:30 这样的形式。"
        case .beforeVisitDay(let d): "约定的上门日期是\(AppointmentError.date(d))，尚未到上门日期。"
        case .caseAlreadyOpened(let v, let id): "上门服务\(v)已关联案件 #\(id)，无需重复开立。"
        case .idNumberRequired: "开立案件需要申请人的身份证号码，请补充。"
        case .badWorkingDays(let n): "办结期限 \(n) 个工作日无效，应为 1 到 60 之间。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownVisit: .notFound
        case .invalidState, .beforeVisitDay, .caseAlreadyOpened: .conflict
        default: .invalidInput
        }
    }
}
