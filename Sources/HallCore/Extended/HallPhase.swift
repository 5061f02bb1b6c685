/// Where the hall stands in its day.
public enum HallPhase: String, Codable, Sendable {
    /// The official calendar of this year is not imported: hours are unknown.
    case unknown
    /// Not a working day (weekend, holiday), or closed all day by the opening hours.
    case dayOff = "day_off"
    /// A working day, before the first session.
    case beforeOpening = "before_opening"
    /// In a session.
    case open
    /// Between two sessions (午间休息).
    case midday
    /// The closing notice period before closing time.
    case closingSoon = "closing_soon"
    /// Past closing time with tickets still waiting or being served.
    case extended
    /// Past closing time, nothing open.
    case closed

    public var label: String {
        switch self {
        case .unknown: "办公时间未知"
        case .dayOff: "今日休息"
        case .beforeOpening: "尚未开始办公"
        case .open: "正在办公"
        case .midday: "午间休息"
        case .closingSoon: "即将下班"
        case .extended: "延时服务中"
        case .closed: "已下班"
        }
    }
}
