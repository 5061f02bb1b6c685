/// Where a home visit stands.
public enum HomeVisitState: String, Codable, Sendable, CaseIterable {
    /// Recorded, waiting for the center's review (within one working day).
    case requested
    /// Approved: time, place, staff and materials agreed.
    case approved
    /// Refused with a reason and an alternative solution.
    case refused
    /// Handled and finished on the spot; a receipt was issued.
    case completed
    /// Handled on site but not finished: a deadline is set and followed up (跟踪督办).
    case followUp = "follow_up"
    /// The unfinished item was finished and the follow-up closed.
    case closed
    /// Withdrawn by the applicant.
    case withdrawn

    public var label: String {
        switch self {
        case .requested: "待审核"
        case .approved: "已确认上门"
        case .refused: "不予上门"
        case .completed: "当场办结"
        case .followUp: "跟踪督办中"
        case .closed: "已办结"
        case .withdrawn: "已撤回"
        }
    }

    /// States after the visit took place (quality follow-up calls and spot checks apply).
    public static let visited: Set<HomeVisitState> = [.completed, .followUp, .closed]
}
