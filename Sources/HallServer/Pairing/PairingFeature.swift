import Foundation
import HallCore
import HallStore
import Hummingbird

/// Devices paired from the admin page: pairing codes, the paired devices' list and revocation.
/// The paired devices' tokens are recognised by the accounts feature's sign-in middleware through
/// the `PairedDeviceRegistry` made first (`registry(database:clock:)`).
public final class PairingFeature: HallFeature {
    let service: PairingService

    /// The paired devices that are not revoked, loaded from the database: give it to the accounts
    /// feature, then to this one.
    static func registry(database: HallDatabase, clock: any HallClock) throws -> PairedDeviceRegistry {
        let store = SQLitePairingStore(database)
        return PairedDeviceRegistry(store: store, clock: clock, active: try store.activeDevicesNow())
    }

    init(configuration: HallConfiguration, database: HallDatabase, registry: PairedDeviceRegistry, accounts: AccountsFeature, clock: any HallClock) {
        service = PairingService(
            store: SQLitePairingStore(database), registry: registry, throttle: accounts.service.throttle, audit: accounts.audit,
            clock: clock, windows: configuration.windows.map(\.number))
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        PairingRoutes(service: service).register(on: router)
    }
}
