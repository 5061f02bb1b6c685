/// A banner account on the hub (the banner's staff, never a resident). The password hash stays
/// in the hub's store and is never in this type.
public struct BannerAccount: Codable, Sendable, Equatable {
    /// Sign-in name, by the same rule as a hall's staff accounts (`StaffAccount.validate`).
    public var username: String
    public var displayName: String
    public var role: BannerRole
    /// A deactivated account cannot sign in; its sessions end.
    public var isActive: Bool

    public init(username: String, displayName: String, role: BannerRole, isActive: Bool = true) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
    }

    /// Whether the account may do `permission` (an inactive account may do nothing).
    public func may(_ permission: BannerPermission) -> Bool { isActive && role.permissions.contains(permission) }
}
