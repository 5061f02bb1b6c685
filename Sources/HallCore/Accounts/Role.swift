/// What someone (or some device) signed in to the hall may do. Staff have one or more roles;
/// devices (kiosks, hall screens) have exactly one device role.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Window clerk: calls and serves tickets at a window.
    case clerk
    /// Department reviewer (部门审核人员).
    case reviewer
    /// Center head (中心负责人): supervises, reads the audit log, manages staff.
    case head
    /// Administrator: manages accounts and the system.
    case admin
    /// A ticket kiosk (取号机): issues tickets and checks appointments in.
    case kiosk
    /// A hall screen (叫号屏): reads status and the event stream only.
    case screen
    /// A window's rating pad (评价器): shows the ticket just finished at its window and submits
    /// the resident's rating, nothing else.
    case ratingPad = "rating_pad"

    /// Chinese label for pages and hallctl.
    public var label: String {
        switch self {
        case .clerk: "窗口工作人员"
        case .reviewer: "部门审核人员"
        case .head: "中心负责人"
        case .admin: "系统管理员"
        case .kiosk: "取号机"
        case .screen: "叫号屏"
        case .ratingPad: "评价器"
        }
    }

    /// Device roles are given by configured device tokens, never to staff accounts.
    public var isDevice: Bool { self == .kiosk || self == .screen || self == .ratingPad }

    /// Roles a staff account may hold.
    public static let staffRoles: [Role] = [.clerk, .reviewer, .head, .admin]

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
