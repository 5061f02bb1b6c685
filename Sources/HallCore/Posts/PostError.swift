/// Refusals of AB post management, with messages the head can act on.
public enum PostError: HallFailure, Equatable {
    case unknownStaff(String)
    case inactiveStaff(String)
    case notWindowStaff(String)
    case sameStaff(String)
    case noAPost(window: Int)
    case noBackup(window: Int)
    case alreadyAway(window: Int)
    case notAway(window: Int)
    case reasonTooLong(max: Int)

    public var code: String {
        switch self {
        case .unknownStaff: "unknown_staff"
        case .inactiveStaff: "inactive_staff"
        case .notWindowStaff: "not_window_staff"
        case .sameStaff: "same_staff"
        case .noAPost: "no_a_post"
        case .noBackup: "no_b_post"
        case .alreadyAway: "already_away"
        case .notAway: "not_away"
        case .reasonTooLong: "reason_too_long"
        }
    }

    public var message: String {
        switch self {
        case .unknownStaff(let u): "找不到工作人员账号“\(u)”。"
        case .inactiveStaff(let u): "账号“\(u)”已停用，不能安排岗位。"
        case .notWindowStaff(let u): "“\(u)”不是窗口工作人员或中心负责人，不能安排到窗口岗位。"
        case .sameStaff(let u): "A岗和B岗不能是同一人（\(u)）。"
        case .noAPost(let w): "\(w)号窗口未设A岗。"
        case .noBackup(let w): "\(w)号窗口未设B岗，A岗离岗时无人顶岗：请先指定B岗。"
        case .alreadyAway(let w): "\(w)号窗口的A岗已标记为离岗。"
        case .notAway(let w): "\(w)号窗口的A岗在岗。"
        case .reasonTooLong(let max): "离岗原因最多 \(max) 字。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownStaff: .notFound
        case .inactiveStaff, .notWindowStaff, .sameStaff, .reasonTooLong: .invalidInput
        case .noAPost, .noBackup, .alreadyAway, .notAway: .conflict
        }
    }
}
