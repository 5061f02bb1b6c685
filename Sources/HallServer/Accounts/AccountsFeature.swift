import Foundation
import HallCore
import HallStore
import Hummingbird
import Logging

/// Staff accounts, sign-in and sessions, device tokens (configured and paired) and the audit log.
/// Its two middlewares — who is calling, and may they — are the server's, in front of every route.
public final class AccountsFeature: HallFeature {
    public let service: AccountService
    public let audit: AuditLog
    let clock: any HallClock
    let timeZone: TimeZone

    /// Creates the first administrator (and in demo mode the demo accounts and devices) when the
    /// database has no account yet.
    init(
        configuration: HallConfiguration, database: HallDatabase, clock: any HallClock, logger: Logger,
        pairedDevices: PairedDeviceRegistry? = nil
    ) throws {
        var access = configuration
        if access.accounts.demoAccounts {
            access.devices.kiosks += AccountBootstrap.demoDevices.kiosks
            access.devices.screens += AccountBootstrap.demoDevices.screens
            access.devices.ratingPads += AccountBootstrap.demoDevices.ratingPads.filter { pad in
                access.windows.contains { $0.number == pad.window }
            }
        }
        try AccountBootstrap.run(database: database, configuration: access, now: clock.now(), logger: logger)
        let store = SQLiteAccountStore(database)
        service = AccountService(store: store, configuration: access, clock: clock, pairedDevices: pairedDevices)
        audit = AuditLog(store: store)
        self.clock = clock
        timeZone = configuration.queue.timeZone
    }

    /// The first of the two middlewares every request passes through: who is calling.
    var authentication: AuthMiddleware { AuthMiddleware(accounts: service) }
    /// The second: whether they may (`RoutePermissions`), with the audit log of what they did.
    var permission: PermissionMiddleware { PermissionMiddleware(audit: audit, clock: clock) }

    public func addRoutes(to router: Router<HallRequestContext>) {
        SessionRoutes(accounts: service, audit: audit, clock: clock).register(on: router)
        AccountRoutes(accounts: service, audit: audit, timeZone: timeZone).register(on: router)
    }
}
