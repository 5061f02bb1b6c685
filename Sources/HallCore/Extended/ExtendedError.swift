/// Why an extended-hours request is refused.
public enum ExtendedError: HallFailure, Equatable {
    /// The kiosk does not issue tickets now; the message says why and when the hall opens again.
    case hallClosed(String)
    case unknownWindow(Int)
    case reasonRequired
    case alreadyReported(window: Int, clerk: String)
    case unknownStaff(String)
    case notAClerk(String)
    case sameClerk(String)
    case absentClerkRequired(window: Int)
    case ticketNotWaiting(String)
    case notAWorkingDay(LocalDay)

    public var code: String {
        switch self {
        case .hallClosed: "hall_closed"
        case .unknownWindow: "unknown_window"
        case .reasonRequired: "extended_reason_required"
        case .alreadyReported: "extended_already_reported"
        case .unknownStaff: "extended_unknown_staff"
        case .notAClerk: "extended_not_a_clerk"
        case .sameClerk: "extended_same_clerk"
        case .absentClerkRequired: "extended_absent_clerk_required"
        case .ticketNotWaiting: "extended_ticket_not_waiting"
        case .notAWorkingDay: "extended_not_working_day"
        }
    }

    public var message: String {
        switch self {
        case .hallClosed(let text): text
        case .unknownWindow(let n): "没有\(n)号窗口。"
        case .reasonRequired: "请填写不能延时服务的原因。"
        case .alreadyReported(let window, let clerk): "\(clerk) 今天已经报告过不能在\(window)号窗口延时服务，请等待中心负责人安排。"
        case .unknownStaff(let name): "没有工作人员账号“\(name)”。"
        case .notAClerk(let name): "\(name) 不是窗口工作人员或中心负责人，不能安排到窗口。"
        case .sameClerk(let name): "替岗人员不能是报告不能延时的本人（\(name)）。"
        case .absentClerkRequired(let window): "\(window)号窗口今天没有人报告不能延时，请注明被替换的工作人员。"
        case .ticketNotWaiting(let number): "\(number) 号当前不在等候中，无需打印等候告知单。"
        case .notAWorkingDay(let day): "\(day) 不是工作日，没有下班后的延时服务。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .hallClosed, .alreadyReported, .ticketNotWaiting, .notAWorkingDay: .conflict
        case .unknownWindow, .unknownStaff: .notFound
        default: .invalidInput
        }
    }
}
