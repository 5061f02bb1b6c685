/// Who may give which roles and manage which accounts: nobody grants a role above their own
/// highest one, nor acts on an account that holds one (a head manages clerks, reviewers and other
/// heads; only an administrator makes or touches administrators), and nobody deactivates themselves.
public enum RoleCeiling {
    /// How far up a role reaches: clerk and reviewer, then head, then administrator. Devices reach
    /// nothing: they never manage accounts.
    static func rank(_ role: Role) -> Int {
        switch role {
        case .clerk, .reviewer: 1
        case .head: 2
        case .admin: 3
        case .kiosk, .screen, .ratingPad: 0
        }
    }

    /// The highest rank among `roles` (0 for none).
    static func ceiling(_ roles: [Role]) -> Int { roles.map(rank).max() ?? 0 }

    /// Throws unless someone holding `actorRoles` may give an account `roles`.
    public static func checkGrant(_ roles: [Role], by actorRoles: [Role]) throws {
        if let above = roles.first(where: { rank($0) > ceiling(actorRoles) }) { throw AccessError.roleAboveYours(above) }
    }

    /// Throws unless someone holding `actorRoles` may change `target` (its name, roles, department,
    /// password or active state).
    public static func checkManage(_ target: StaffAccount, by actorRoles: [Role]) throws {
        if ceiling(target.roles) > ceiling(actorRoles) { throw AccessError.accountAboveYours(target.username) }
    }
}
