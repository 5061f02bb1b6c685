/// Refusals of rating and follow-up work, with messages a resident or the head can act on.
public enum RatingError: HallFailure, Equatable {
    case unknownTicket(String)
    case notFinished(ticket: String)
    case alreadyRated(ticket: String)
    case expired(ticket: String, hours: Int)
    /// The QR page's key does not belong to this ticket.
    case invalidKey
    /// The QR link has no key (an old `?id=` link): read-only.
    case keyMissing
    /// The pad tried to rate a ticket served at another window.
    case otherWindow(ticket: String, window: Int)
    /// A device without a configured window tried to use the pad API.
    case notARatingPad
    case unknownFollowUp(Int64)
    case followUpClosed(Int64)
    case noteRequired
    case noteTooLong(max: Int)

    public var code: String {
        switch self {
        case .unknownTicket: "unknown_ticket"
        case .notFinished: "ticket_not_finished"
        case .alreadyRated: "already_rated"
        case .expired: "rating_expired"
        case .invalidKey: "invalid_ticket_key"
        case .keyMissing: "ticket_key_missing"
        case .otherWindow: "other_window"
        case .notARatingPad: "not_a_rating_pad"
        case .unknownFollowUp: "unknown_follow_up"
        case .followUpClosed: "follow_up_closed"
        case .noteRequired: "note_required"
        case .noteTooLong: "note_too_long"
        }
    }

    public var message: String {
        switch self {
        case .unknownTicket(let t): "找不到号票 \(t)。"
        case .notFinished(let t): "号票 \(t) 的业务尚未办结，办结后才能评价。"
        case .alreadyRated(let t): "号票 \(t) 已评价过，每次服务只能评价一次。"
        case .expired(let t, let h): "号票 \(t) 已超过评价时限（办结后 \(h) 小时内）。"
        case .invalidKey: "评价链接无效，请扫描号票上的二维码。"
        case .keyMissing: "此链接只能查看进度；如需评价，请扫描号票上的二维码。"
        case .otherWindow(let t, let w): "号票 \(t) 不是在 \(w)号窗口办理的，不能在本窗口评价器上评价。"
        case .notARatingPad: "本设备不是已登记的窗口评价器，请联系管理员。"
        case .unknownFollowUp(let id): "找不到回访记录 #\(id)。"
        case .followUpClosed(let id): "回访记录 #\(id) 已办结。"
        case .noteRequired: "请填写处理情况后再办结。"
        case .noteTooLong(let max): "处理情况最多 \(max) 字。"
        }
    }

    /// The values of the refusals a resident reads on the status page or the rating pad.
    public var messageValues: [String: String] {
        switch self {
        case .unknownTicket(let t), .notFinished(let t), .alreadyRated(let t): ["ticket": t]
        case .expired(let t, let hours): ["ticket": t, "hours": String(hours)]
        case .otherWindow(let t, let window): ["ticket": t, "window": String(window)]
        default: [:]
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownTicket, .unknownFollowUp: .notFound
        case .notFinished, .alreadyRated, .expired, .followUpClosed: .conflict
        case .invalidKey, .keyMissing, .otherWindow, .notARatingPad: .forbidden
        case .noteRequired, .noteTooLong: .invalidInput
        }
    }
}
