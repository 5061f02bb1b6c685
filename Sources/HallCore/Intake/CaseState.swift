/// Where a case is in its life.
///
/// ```
/// preReview ─complete→ accepted ─route→ inReview ─all answered→ decided ─notify→ notified ─deliver→ delivered ─close→ closed
///     │   ↖resubmit (re-runs pre-review)                                         (rejected: notified ─close→ closed)
///     └incomplete→ correctionNeeded ─complete→ accepted
/// preReview / correctionNeeded ─withdraw→ withdrawn
/// ```
public enum CaseState: String, Codable, Sendable, CaseIterable {
    /// Opened; the clerk is checking the materials (咨询导办、材料预审).
    case preReview = "pre_review"
    /// Materials incomplete; a correction notice lists everything missing (补正).
    case correctionNeeded = "correction_needed"
    /// Accepted with a case number and promised date (受理).
    case accepted
    /// Routed to every department at once; reviews in parallel (并联审批).
    case inReview = "in_review"
    /// Every department answered; the combined result is ready at the window.
    case decided
    /// The applicant was told the result (一次性告知).
    case notified
    /// The result was handed over at the window or posted (出件).
    case delivered
    case closed
    /// The applicant withdrew, or the case lapsed before acceptance.
    case withdrawn

    /// States in which the promised completion date is running.
    public static let running: Set<CaseState> = [.accepted, .inReview]

    /// States in which the case still needs work.
    public static let open: Set<CaseState> = [.preReview, .correctionNeeded, .accepted, .inReview, .decided, .notified, .delivered]

    /// Chinese label for consoles and status pages.
    public var label: String {
        switch self {
        case .preReview: "预审中"
        case .correctionNeeded: "待补正"
        case .accepted: "已受理"
        case .inReview: "部门审批中"
        case .decided: "已出结果"
        case .notified: "已告知"
        case .delivered: "已出件"
        case .closed: "已办结"
        case .withdrawn: "已撤回"
        }
    }
}
