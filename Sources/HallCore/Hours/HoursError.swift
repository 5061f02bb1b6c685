/// Opening hours that cannot be used.
public enum HoursError: HallFailure, Equatable {
    case noSeasons
    case unnamedSeason
    case noSessions(season: String)
    case reversedSession(season: String, session: String)
    case overlappingSessions(season: String, first: String, second: String)
    case badWeekday(season: String, key: String)
    case dayNotCovered(MonthDay)
    case overlappingSeasons(String, String)

    public var code: String {
        switch self {
        case .noSeasons: "hours_no_seasons"
        case .unnamedSeason: "hours_unnamed_season"
        case .noSessions: "hours_no_sessions"
        case .reversedSession: "hours_reversed_session"
        case .overlappingSessions: "hours_overlapping_sessions"
        case .badWeekday: "hours_bad_weekday"
        case .dayNotCovered: "hours_day_not_covered"
        case .overlappingSeasons: "hours_overlapping_seasons"
        }
    }

    public var message: String {
        switch self {
        case .noSeasons: "办公时间至少要有一个季节作息。"
        case .unnamedSeason: "季节作息缺少名称。"
        case .noSessions(let season): "“\(season)”没有设置上班时段。"
        case .reversedSession(let season, let session): "“\(season)”的时段 \(session) 开始时间不早于结束时间。"
        case .overlappingSessions(let season, let a, let b): "“\(season)”的时段 \(a) 与 \(b) 重叠或顺序颠倒。"
        case .badWeekday(let season, let key): "“\(season)”的星期“\(key)”无效，应为 1（星期一）至 7（星期日）。"
        case .dayNotCovered(let day): "\(day.label)不在任何季节作息内，请让各季节首尾相接覆盖全年。"
        case .overlappingSeasons(let a, let b): "季节作息“\(a)”与“\(b)”的日期重叠。"
        }
    }

    public var kind: FailureKind { .invalidInput }
}
