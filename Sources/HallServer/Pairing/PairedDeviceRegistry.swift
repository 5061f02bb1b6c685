import Foundation
import HallCore
import Synchronization

/// The devices paired from the admin page, as the sign-in middleware sees them: every token hash
/// not revoked, held in memory so that resolving a device costs no read, and updated the moment a
/// device pairs or is revoked (a revoked token is refused by the very next request). A device's
/// last contact is written at most once a minute.
public final class PairedDeviceRegistry: Sendable {
    /// How often a device's last contact is written at most.
    static let touchInterval: TimeInterval = 60

    private let store: any PairingStore
    private let clock: any HallClock
    private let active: Mutex<[String: PairedDevice]>

    init(store: any PairingStore, clock: any HallClock, active: [(tokenHash: String, device: PairedDevice)]) {
        self.store = store
        self.clock = clock
        self.active = Mutex(Dictionary(active.map { ($0.tokenHash, $0.device) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The device presenting the token whose hash is `tokenHash`, nil when none is paired with it
    /// (or it was revoked). Records its contact.
    func principal(tokenHash: String) async -> Principal? {
        let now = clock.now()
        let found: (device: PairedDevice, stale: Bool)? = active.withLock { devices in
            guard var device = devices[tokenHash] else { return nil }
            let stale = device.lastSeenAt.map { now.timeIntervalSince($0) >= Self.touchInterval } ?? true
            if stale {
                device.lastSeenAt = now
                devices[tokenHash] = device
            }
            return (device, stale)
        }
        guard let found else { return nil }
        if found.stale {
            // The contact time is information, not a condition of access: a failed write does not refuse the device.
            try? await store.touch(found.device.id, at: now)
        }
        return found.device.principal
    }

    /// The window the paired rating pad `id` faces.
    func window(of id: String) -> Int? {
        active.withLock { devices in devices.values.first { $0.id == id }?.window }
    }

    /// The last contact of each active device, by id (fresher than the store's by up to a minute).
    func lastContacts() -> [String: Date] {
        active.withLock { devices in
            Dictionary(devices.values.compactMap { d in d.lastSeenAt.map { (d.id, $0) } }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// A device just paired with the token whose hash is `tokenHash`.
    func add(_ device: PairedDevice, tokenHash: String) {
        active.withLock { $0[tokenHash] = device }
    }

    /// Revokes device `id` in the store, then forgets its token.
    func revoke(_ id: String, by actor: String) async throws -> PairedDevice {
        let device = try await store.revoke(id, by: actor, at: clock.now())
        active.withLock { devices in devices = devices.filter { $0.value.id != id } }
        return device
    }
}
