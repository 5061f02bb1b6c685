/// What a banner account may do on the hub.
public enum BannerPermission: String, Codable, Sendable, CaseIterable {
    /// Read the dashboard, the halls, and the audit.
    case oversee
    /// Issue enrollment codes for halls.
    case enrollHalls
    /// Publish the catalog and the official calendar to the halls.
    case publish
    /// Create and change banner accounts (up to one's own role).
    case manageAccounts

    /// The permission's name in refusals.
    public var label: String {
        switch self {
        case .oversee: "查看全旗大厅"
        case .enrollHalls: "接入大厅"
        case .publish: "下发事项目录和日历"
        case .manageAccounts: "管理旗级账号"
        }
    }
}
