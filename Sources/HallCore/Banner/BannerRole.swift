/// A role on the banner's hub. The banner head (旗领导) oversees, read-only; the banner
/// administrator also enrolls halls, publishes the catalog and calendar, and manages banner accounts.
public enum BannerRole: String, Codable, Sendable, CaseIterable, Comparable {
    case head = "banner-head"
    case admin = "banner-admin"

    /// The role's name on the hub's pages.
    public var label: String {
        switch self {
        case .head: "旗领导"
        case .admin: "旗管理员"
        }
    }

    /// How far up the role reaches: an account may give or manage only roles at or below its own.
    public var rank: Int {
        switch self {
        case .head: 1
        case .admin: 2
        }
    }

    /// What the role may do.
    public var permissions: Set<BannerPermission> {
        switch self {
        case .head: [.oversee]
        case .admin: Set(BannerPermission.allCases)
        }
    }

    public static func < (a: BannerRole, b: BannerRole) -> Bool { a.rank < b.rank }
}
