/// The ceiling on banner accounts: nobody creates an account above their own role, gives a role
/// above it, or changes an account that holds one; nobody deactivates or demotes themselves.
public enum BannerCeiling {
    /// Throws unless `actor` may create an account with `role`.
    public static func checkCreate(_ role: BannerRole, by actor: BannerAccount) throws(BannerAccessError) {
        guard actor.may(.manageAccounts) else { throw .forbidden(.manageAccounts) }
        guard role <= actor.role else { throw .roleAboveYours(role) }
    }

    /// Throws unless `actor` may change `target` into `changed`.
    public static func checkChange(_ target: BannerAccount, to changed: BannerAccount, by actor: BannerAccount) throws(BannerAccessError) {
        guard actor.may(.manageAccounts) else { throw .forbidden(.manageAccounts) }
        guard target.role <= actor.role else { throw .accountAboveYours(target.username) }
        guard changed.role <= actor.role else { throw .roleAboveYours(changed.role) }
        if target.username == actor.username, changed.role != target.role || !changed.isActive { throw .changingYourself }
    }
}
