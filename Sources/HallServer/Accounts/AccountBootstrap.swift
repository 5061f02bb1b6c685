import Foundation
import HallCore
import HallStore
import Logging

/// First start: when no account exists, creates `admin` (password from configuration /
/// `HALL_ADMIN_PASSWORD`, else a random one written once to `<stateDirectory>/initial-admin-password`
/// with mode 0600) and, with `accounts.demoAccounts`, the documented demo accounts.
enum AccountBootstrap {
    /// The password of every demo account (documented in the README; demo mode only).
    static let demoPassword = "hall-demo"

    static let demoAccounts: [StaffAccount] = [
        StaffAccount(username: "head", displayName: "王主任", roles: [.head]),
        StaffAccount(username: "clerk1", displayName: "李娜", roles: [.clerk]),
        StaffAccount(username: "clerk3", displayName: "赵强", roles: [.clerk]),
        StaffAccount(username: "reviewer", displayName: "审核员", roles: [.reviewer], departmentID: "civil-affairs"),
    ]

    /// Demo device tokens, added to the configured devices when `accounts.demoAccounts` is set.
    static let demoDevices = HallConfiguration.Devices(
        kiosks: [.init(id: "kiosk-demo", token: "demo-kiosk-token-0001")],
        screens: [.init(id: "screen-demo", token: "demo-screen-token-0001")],
        ratingPads: (1...5).map { .init(id: "pad-\($0)", token: "demo-pad-token-000\($0)", window: $0) })

    static func run(database: HallDatabase, configuration: HallConfiguration, now: Date, logger: Logger) throws {
        guard try !database.hasAccounts() else { return }
        let a = configuration.accounts
        let hasher = PasswordHasher(cost: a.passwordCost)
        var adminPassword = a.initialAdminPassword
        var passwordFile: URL?
        if adminPassword.isEmpty {
            adminPassword = a.demoAccounts ? demoPassword : SecretToken.password()
            if !a.demoAccounts { passwordFile = URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("initial-admin-password") }
        }
        var accounts = [(StaffAccount(username: "admin", displayName: "系统管理员", roles: [.admin]), adminPassword)]
        if a.demoAccounts { accounts += demoAccounts.map { ($0, demoPassword) } }
        let hashed = accounts.map { ($0.0, hasher.hashNow($0.1)) }
        let created = try database.seedAccountsIfEmpty(hashed, at: now)
        guard created else { return }
        if let passwordFile {
            try FileManager.default.createDirectory(at: passwordFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard
                FileManager.default.createFile(
                    atPath: passwordFile.path, contents: Data((adminPassword + "\n").utf8),
                    attributes: [.posixPermissions: 0o600])
            else {
                throw ConfigurationError.invalidValue(key: "stateDirectory", reason: "cannot write \(passwordFile.path)")
            }
            logger.notice("created the first account 'admin'; its initial password is in \(passwordFile.path) (readable by this user only)")
        } else if a.demoAccounts {
            logger.notice("created the demo accounts admin, head, clerk1, clerk3, reviewer (demo mode; see README)")
        } else {
            logger.notice("created the first account 'admin' with the configured initial password")
        }
    }
}
