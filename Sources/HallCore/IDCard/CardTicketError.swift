/// Why the kiosk refuses a ticket by card. Messages name no one, so the kiosk may show them.
public enum CardTicketError: HallFailure, Equatable {
    /// The person already holds an open ticket of this service (its number, theirs to know).
    case openTicketExists(ticket: String)
    /// The person took the day's allowed number of tickets.
    case dailyLimitReached(limit: Int)
    /// No booking of this card's holder can be checked in now.
    case noBookingToday

    public var code: String {
        switch self {
        case .openTicketExists: "idcard_open_ticket_exists"
        case .dailyLimitReached: "idcard_daily_limit"
        case .noBookingToday: "idcard_no_booking"
        }
    }

    public var message: String {
        switch self {
        case .openTicketExists(let ticket): "您已有该业务的号码 \(ticket)，请等候叫号，无需重复取号。"
        case .dailyLimitReached(let limit): "每人每天最多刷证取号 \(limit) 次，今日已达上限。如有需要请到咨询台。"
        case .noBookingToday: "未找到该证件今天可以签到的预约。请核对预约时间，或使用预约码签到。"
        }
    }

    public var messageValues: [String: String] {
        switch self {
        case .openTicketExists(let ticket): ["ticket": ticket]
        case .dailyLimitReached(let limit): ["limit": String(limit)]
        case .noBookingToday: [:]
        }
    }

    public var kind: FailureKind { .conflict }
}
