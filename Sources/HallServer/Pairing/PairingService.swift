import Foundation
import HallCore

/// Pairs kiosks, hall screens and rating pads: the head or the administrator issues a six-digit
/// code (valid 10 minutes, used once), the device's page claims it and receives a long-lived token
/// (stored hashed, shown once); devices are listed with their last contact and revoked. Wrong,
/// expired and used codes count against the sign-in throttle; pairing, failures and codes issued
/// are audited.
final class PairingService: Sendable {
    /// The throttle key of pairing codes (a colon never appears in a user name).
    static let throttleKey = "code:pairing"

    let store: any PairingStore
    let registry: PairedDeviceRegistry
    let throttle: AttemptThrottle
    let audit: AuditLog
    let clock: any HallClock
    /// The configured windows' numbers (a rating pad faces one of them).
    let windows: [Int]

    init(
        store: any PairingStore, registry: PairedDeviceRegistry, throttle: AttemptThrottle, audit: AuditLog,
        clock: any HallClock, windows: [Int]
    ) {
        self.store = store
        self.registry = registry
        self.throttle = throttle
        self.audit = audit
        self.clock = clock
        self.windows = windows
    }

    /// A new code for a device of `kind` (a rating pad at `window`), issued by `actor`; the code is
    /// in the answer only.
    func issue(
        kind: DeviceKind, window: Int?, name: String?, by actor: Principal, from address: String?
    ) async throws
        -> (code: String, ticket: PairingTicket)
    {
        let now = clock.now()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let code = PairingCode.make(using: &generator)
            let ticket = try PairingRules.ticket(
                codeHash: Self.hash(code), kind: kind, window: window, name: name, windows: windows, issuedBy: actor.name, at: now)
            guard try await store.issue(ticket, at: now) else { continue }
            await record(
                "device.pairing_code_issued", target: "pairing-code:\(kind.rawValue)", actor: actor.name, role: actor.roleList, address: address,
                ["kind": kind.rawValue, "window": window.map(String.init) ?? "", "name": ticket.name])
            return (code, ticket)
        }
        throw PairingError.tooManyPendingCodes(PairingRules.maxPending)
    }

    /// Pairs the device whose page sent `typed` (and says it is a `page`, when it does): returns its
    /// new token and record. Refusals that are guesses count against the throttle.
    func pair(code typed: String, page: DeviceKind?, from address: String?) async throws -> (token: String, device: PairedDevice) {
        let now = clock.now()
        do { try throttle.check(key: Self.throttleKey, address: address, at: now) } catch let error as AccessError {
            throw PairingError.throttled(retryAfterSeconds: error.retryAfterSeconds ?? 1)
        }
        guard let code = PairingCode.normalized(typed) else { throw PairingError.malformedCode }
        let token = SecretToken.make()
        let tokenHash = SecretToken.hash(token)
        let device: PairedDevice
        do {
            device = try await store.pair(codeHash: Self.hash(code), tokenHash: tokenHash, at: now) { ticket in
                try PairingRules.claim(ticket, asking: page, at: now)
            }
        } catch let error as PairingError {
            if PairingRules.countsAsGuess(error) { throttle.recordFailure(key: Self.throttleKey, address: address, at: now) }
            await record("device.pairing_failed", target: "POST /api/pairing", actor: "", role: "", address: address, ["reason": error.code])
            throw error
        }
        throttle.recordSuccess(key: Self.throttleKey)
        registry.add(device, tokenHash: tokenHash)
        await record(
            "device.paired", target: "device:\(device.id)", actor: device.id, role: device.kind.role.rawValue, address: address,
            ["kind": device.kind.rawValue, "window": device.window.map(String.init) ?? "", "name": device.name, "issuedBy": device.pairedBy])
        return (token, device)
    }

    /// Every paired device, newest first, with its last contact.
    func devices() async throws -> [PairedDevice] {
        let contacts = registry.lastContacts()
        return try await store.devices().map { device in
            var device = device
            if let seen = contacts[device.id], seen > (device.lastSeenAt ?? .distantPast) { device.lastSeenAt = seen }
            return device
        }
    }

    /// Revokes device `id`: its token is refused from the next request on.
    func revoke(_ id: String, by actor: Principal, from address: String?) async throws -> PairedDevice {
        let device = try await registry.revoke(id, by: actor.name)
        await record(
            "device.revoked", target: "device:\(device.id)", actor: actor.name, role: actor.roleList, address: address,
            ["device": device.id, "kind": device.kind.rawValue, "name": device.name])
        return device
    }

    /// The stored hash of a pairing code.
    static func hash(_ code: String) -> String { SecretToken.hash("pairing-code:" + code) }

    private func record(
        _ action: String, target: String, actor: String, role: String, address: String?, _ detail: [String: String]
    ) async {
        // The audit log is a record, not a condition: pairing does not fail because it could not be written.
        try? await audit.record(
            AuditRecord(at: clock.now(), actor: actor, role: role, action: action, target: target, detail: detail, remoteAddress: address))
    }
}
