import Foundation

/// The AB post rules as pure functions.
public enum WindowPosts {
    public static let maxReasonLength = 100

    /// Checks a staff member proposed for a post: an active account with a window role.
    public static func validate(_ username: String, account: StaffAccount?) throws {
        guard let account else { throw PostError.unknownStaff(username) }
        guard account.isActive else { throw PostError.inactiveStaff(username) }
        guard account.roles.contains(.clerk) || account.roles.contains(.head) else { throw PostError.notWindowStaff(username) }
    }

    /// Assigns A and B (nil clears a post). A and B must differ; clearing A or B ends an absence.
    public static func assign(_ post: WindowPost, a: String?, b: String?) throws -> WindowPost {
        if let a, a == b { throw PostError.sameStaff(a) }
        var changed = post
        changed.a = a
        changed.b = b
        if a == nil || b == nil {
            changed.aAway = false
            changed.awaySince = nil
            changed.awayReason = nil
        }
        return changed
    }

    /// Marks A away (B takes over) or back.
    public static func setAway(_ post: WindowPost, away: Bool, reason: String?, at now: Date) throws -> WindowPost {
        guard post.a != nil else { throw PostError.noAPost(window: post.window) }
        var changed = post
        if away {
            guard post.b != nil else { throw PostError.noBackup(window: post.window) }
            guard !post.aAway else { throw PostError.alreadyAway(window: post.window) }
            let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard text.count <= maxReasonLength else { throw PostError.reasonTooLong(max: maxReasonLength) }
            changed.aAway = true
            changed.awaySince = now
            changed.awayReason = text.nonEmpty
        } else {
            guard post.aAway else { throw PostError.notAway(window: post.window) }
            changed.aAway = false
            changed.awaySince = nil
            changed.awayReason = nil
        }
        return changed
    }

    /// What a staff member taking `post`'s window is told.
    ///
    /// Decision (documented in the README): a clerk who is neither A nor B gets a **warning** and
    /// may go on after confirming — the head may have sent them to cover (Rule 1: the head assigns
    /// someone else when the staff on duty cannot serve) — and the check is audited. Refusing would
    /// leave the window unserved when both A and B are absent.
    public static func check(_ post: WindowPost?, username: String, onDuty: StaffRef?) -> PostCheck {
        guard let post, post.isAssigned else {
            return PostCheck(window: post?.window ?? 0, role: .unassigned, onDuty: nil, warning: nil)
        }
        let role: PostRole = username == post.a ? .a : username == post.b ? .b : .none
        let warning: String? =
            switch role {
            case .none:
                "您不是\(post.window)号窗口的A岗或B岗" + (onDuty.map { "（当前值岗：\($0.displayName)）" } ?? "")
                    + "。如系负责人安排临时顶岗，请确认后继续；本次登记将记入审计日志。"
            case .a where post.aAway:
                "您已被标记为离岗，当前由B岗值岗。返岗请联系中心负责人标记返岗。"
            case .b where !post.aAway:
                nil
            default:
                nil
            }
        return PostCheck(window: post.window, role: role, onDuty: onDuty, warning: warning)
    }
}
