/// Why a ledger or compensatory-leave request is refused.
public enum LedgerError: HallFailure, Equatable {
    case unknownStaff(String)
    case invalidSpan
    case spanTooLong(hours: Int)
    case unknownEntry(Int64)
    case reasonRequired
    case invalidMinutes(Int)
    case unknownGrant(Int64)
    case invalidHours(Double)
    case leaveNotOwed(staff: String, balanceMinutes: Int, thresholdMinutes: Int)
    case leaveExceedsBalance(hours: Double, balanceMinutes: Int)
    case leaveOnDayOff(LocalDay)
    case grantNotPending(id: Int64, state: LeaveGrant.State)
    case leaveNotYetDue(LocalDay)
    case badMonth(String)
    case notYourLedger

    public var code: String {
        switch self {
        case .unknownStaff: "ledger_unknown_staff"
        case .invalidSpan: "ledger_invalid_span"
        case .spanTooLong: "ledger_span_too_long"
        case .unknownEntry: "ledger_unknown_entry"
        case .reasonRequired: "ledger_reason_required"
        case .invalidMinutes: "ledger_invalid_minutes"
        case .unknownGrant: "leave_unknown_grant"
        case .invalidHours: "leave_invalid_hours"
        case .leaveNotOwed: "leave_not_owed"
        case .leaveExceedsBalance: "leave_exceeds_balance"
        case .leaveOnDayOff: "leave_on_day_off"
        case .grantNotPending: "leave_not_pending"
        case .leaveNotYetDue: "leave_not_yet_due"
        case .badMonth: "ledger_bad_month"
        case .notYourLedger: "ledger_not_yours"
        }
    }

    public var message: String {
        switch self {
        case .unknownStaff(let name): "没有工作人员账号“\(name)”，请核对用户名。"
        case .invalidSpan: "结束时间必须晚于开始时间。"
        case .spanTooLong(let hours): "一条登记的时长不能超过 \(hours) 小时，请分段登记。"
        case .unknownEntry(let id): "台账中没有第 \(id) 条记录。"
        case .reasonRequired: "请填写调整原因。"
        case .invalidMinutes(let m): "时长 \(m) 分钟无效，应为 0 至 960 分钟。"
        case .unknownGrant(let id): "没有编号为 \(id) 的调休安排。"
        case .invalidHours(let h): "调休时长 \(Self.hours(h)) 小时无效，应为 0.5 至 24 小时，以半小时为单位。"
        case .leaveNotOwed(let staff, let balance, let threshold):
            "\(staff) 的累计结余为 \(Self.hours(Double(balance) / 60)) 小时，未达到 \(Self.hours(Double(threshold) / 60)) 小时的调休标准，暂不安排调休。"
        case .leaveExceedsBalance(let hours, let balance):
            "调休 \(Self.hours(hours)) 小时超过了可调休的结余 \(Self.hours(Double(balance) / 60)) 小时。"
        case .leaveOnDayOff(let day): "\(day) 不是工作日，调休应安排在工作日。"
        case .grantNotPending(let id, let state): "第 \(id) 号调休安排当前为“\(state.label)”，不能再做此操作。"
        case .leaveNotYetDue(let day): "调休日期 \(day) 还没到，到当天或之后才能登记为已调休。"
        case .badMonth(let text): "月份“\(text)”无效，请写成 2026-11 这样的格式。"
        case .notYourLedger: "窗口工作人员只能查看本人的台账。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownEntry, .unknownGrant, .unknownStaff: .notFound
        case .leaveNotOwed, .leaveExceedsBalance, .grantNotPending, .leaveNotYetDue: .conflict
        case .notYourLedger: .forbidden
        default: .invalidInput
        }
    }

    static func hours(_ value: Double) -> String { LedgerFormat.hours(value) }
}
