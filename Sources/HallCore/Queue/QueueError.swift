/// Everything the queue refuses, with a message a clerk can act on.
public enum QueueError: HallFailure, Equatable {
    case unknownService(String)
    case unknownWindow(Int)
    case unknownTicket(String)
    case windowDoesNotServe(window: Int, service: String)
    case windowPaused(Int)
    case windowBusy(window: Int, ticket: String)
    case windowIdle(Int)
    case noOneWaiting(window: Int)
    case invalidTransition(ticket: String, from: TicketState, action: String)
    case ticketNotAtWindow(ticket: String, window: Int)
    case transferTargetMissing
    case sameServiceTransfer(String)
    /// Appointment priority asked for on a plain ticket request: it comes only with a check-in.
    case appointmentPriorityNeedsCheckIn
    /// Green channel asked for by a device or a role that does not see residents at the window.
    case greenChannelStaffOnly

    public var code: String {
        switch self {
        case .unknownService: "unknown_service"
        case .unknownWindow: "unknown_window"
        case .unknownTicket: "unknown_ticket"
        case .windowDoesNotServe: "window_does_not_serve"
        case .windowPaused: "window_paused"
        case .windowBusy: "window_busy"
        case .windowIdle: "window_idle"
        case .noOneWaiting: "queue_empty"
        case .invalidTransition: "invalid_transition"
        case .ticketNotAtWindow: "ticket_not_at_window"
        case .transferTargetMissing: "transfer_target_missing"
        case .sameServiceTransfer: "same_service_transfer"
        case .appointmentPriorityNeedsCheckIn: "appointment_priority_needs_check_in"
        case .greenChannelStaffOnly: "green_channel_staff_only"
        }
    }

    public var message: String {
        switch self {
        case .unknownService(let s): "没有名为“\(s)”的业务，请从业务列表中选择。"
        case .unknownWindow(let w): "没有\(w)号窗口，请检查窗口号。"
        case .unknownTicket(let t): "找不到号码\(t)，请核对号码和日期。"
        case .windowDoesNotServe(let w, let s): "\(w)号窗口不办理“\(s)”业务，请换一个窗口或业务。"
        case .windowPaused(let w): "\(w)号窗口已暂停服务，请先恢复窗口。"
        case .windowBusy(let w, let t): "\(w)号窗口正在处理\(t)号，请先办结、过号、暂挂或转移。"
        case .windowIdle(let w): "\(w)号窗口当前没有呼叫或办理中的号码。"
        case .noOneWaiting(let w): "\(w)号窗口办理的业务目前没有人等候。"
        case .invalidTransition(let t, let from, let action):
            "\(t)号当前状态为“\(from.label)”，不能\(action)。" + Self.nextStep(from: from, action: action)
        case .ticketNotAtWindow(let t, let w): "\(t)号不在\(w)号窗口。"
        case .transferTargetMissing: "转移时请指定目标业务或目标窗口。"
        case .sameServiceTransfer(let s): "号码已在“\(s)”业务中，请选择其他业务或指定窗口。"
        case .appointmentPriorityNeedsCheckIn:
            "预约优先号只能通过预约签到取得：请在取号机上选择“预约签到”并输入预约码，或请工作人员按手机号、身份证号查到预约后签到。"
        case .greenChannelStaffOnly:
            "绿色通道号只能由窗口工作人员或中心负责人为老年人、残疾人、孕妇等群众办理；取号机只能取普通号，请到窗口咨询。"
        }
    }

    /// What to do instead of a refused action, from the ticket's state.
    static func nextStep(from: TicketState, action: String) -> String {
        switch from {
        case .called: action == "办结" || action == "暂挂" ? "群众到窗口后请先开始办理。" : ""
        case .waiting: "请先呼叫该号。"
        case .serving: "该号正在办理中：可办结、暂挂或转移。"
        case .held: "请先恢复办理。"
        case .done, .noShow, .left: "该号已结束；群众仍需办理时请重新取号。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownService, .unknownWindow, .unknownTicket: .notFound
        case .windowDoesNotServe, .transferTargetMissing, .sameServiceTransfer, .appointmentPriorityNeedsCheckIn: .invalidInput
        case .greenChannelStaffOnly: .forbidden
        case .windowPaused, .windowBusy, .windowIdle, .noOneWaiting, .invalidTransition, .ticketNotAtWindow:
            .conflict
        }
    }
}
