import Foundation
import HallCore
import HallStore
import Synchronization

/// Staff sign-in and account management: verifies passwords (bcrypt), opens and resolves
/// sessions (token hashes only in the store), recognises configured and paired device tokens, throttles
/// password guessing, and manages accounts for the head and the administrator.
public final class AccountService: Sendable {
    /// What a successful sign-in returns: the token is shown once, to the caller only.
    public struct SignIn: Sendable {
        public var token: String
        public var principal: Principal
        public var expiresAt: Date
    }

    public let store: any AccountStore
    let hasher: PasswordHasher
    let policy: SessionPolicy
    private let clock: any HallClock
    private let devices: [String: Principal]
    /// The window each rating pad faces, by device id.
    private let padWindows: [String: Int]
    /// Password guessing is throttled per user name and per address; pairing and setup codes share it.
    let throttle: AttemptThrottle
    /// Devices paired from the admin page (nil: only configured device tokens).
    private let pairedDevices: PairedDeviceRegistry?
    /// A hash to verify against when the user name is unknown, so timing does not tell names apart.
    private let decoyHash = Mutex<String?>(nil)

    init(store: any AccountStore, configuration: HallConfiguration, clock: any HallClock, pairedDevices: PairedDeviceRegistry? = nil) {
        self.store = store
        self.clock = clock
        let a = configuration.accounts
        hasher = PasswordHasher(cost: a.passwordCost)
        policy = a.sessionPolicy
        throttle = AttemptThrottle(a)
        self.pairedDevices = pairedDevices
        var devices: [String: Principal] = [:]
        for d in configuration.devices.kiosks {
            devices[SecretToken.hash(d.token)] = Principal(name: d.id, displayName: "取号机 \(d.id)", roles: [.kiosk], isDevice: true)
        }
        for d in configuration.devices.screens {
            devices[SecretToken.hash(d.token)] = Principal(name: d.id, displayName: "叫号屏 \(d.id)", roles: [.screen], isDevice: true)
        }
        for d in configuration.devices.ratingPads {
            devices[SecretToken.hash(d.token)] = Principal(
                name: d.id, displayName: "\(d.window)号窗口评价器", roles: [.ratingPad],
                isDevice: true)
        }
        self.devices = devices
        padWindows = Dictionary(configuration.devices.ratingPads.map { ($0.id, $0.window) }, uniquingKeysWith: { a, _ in a })
    }

    /// The window a rating pad device faces (nil for any other principal).
    public func ratingPadWindow(of principal: Principal) -> Int? {
        guard principal.isDevice, principal.roles == [.ratingPad] else { return nil }
        return padWindows[principal.name] ?? pairedDevices?.window(of: principal.name)
    }

    // MARK: Sign-in

    /// Checks the password and opens a session. Failures are counted per user name and per
    /// address; past the allowance every attempt is refused with `AccessError.throttled`.
    public func signIn(username: String, password: String, remoteAddress: String?) async throws -> SignIn {
        let account = try await authenticate(username: username, password: password, remoteAddress: remoteAddress)
        let now = clock.now()
        let token = SecretToken.make()
        let session = StaffSession(
            tokenHash: SecretToken.hash(token), username: account.username, createdAt: now, lastSeenAt: now,
            remoteAddress: remoteAddress)
        try await store.purgeSessions(
            idleBefore: now.addingTimeInterval(-policy.idleSeconds),
            createdBefore: now.addingTimeInterval(-policy.absoluteSeconds))
        try await store.createSession(session)
        return SignIn(token: token, principal: Principal(account: account), expiresAt: policy.expiry(of: session))
    }

    /// Checks a password under the same throttling as sign-in, without opening a session.
    public func authenticate(username: String, password: String, remoteAddress: String?) async throws -> StaffAccount {
        let now = clock.now()
        let userKey = username.lowercased()
        try throttle.check(key: userKey, address: remoteAddress, at: now)
        let stored = try await store.credentials(username)
        let matches = try await hasher.verify(password, hash: stored?.1 ?? decoy())
        guard let (account, _) = stored, matches, account.isActive else {
            throttle.recordFailure(key: userKey, address: remoteAddress, at: now)
            throw AccessError.badCredentials
        }
        throttle.recordSuccess(key: userKey)
        if let hash = stored?.1, hasher.needsRehash(hash) {
            // A hash made at another cost (e.g. 12 before the default became 10) is replaced on
            // the next good sign-in, so every later one takes the configured time.
            try await store.setPasswordHash(try await hasher.hash(password), for: account.username, at: now)
        }
        return account
    }

    private func decoy() -> String {
        if let hash = decoyHash.withLock({ $0 }) { return hash }
        let hash = hasher.hashNow(SecretToken.make())
        decoyHash.withLock { $0 = hash }
        return hash
    }

    /// Ends the session of `token` (device tokens have no session to end).
    public func signOut(token: String) async throws {
        try await store.deleteSession(tokenHash: SecretToken.hash(token))
    }

    /// Who `token` belongs to: a configured or paired device, or the account of a live session.
    /// Throws `sessionExpired` for an ended session and `invalidDeviceToken` for an unknown token.
    public func principal(for token: String) async throws -> (Principal, expiresAt: Date?) {
        let hash = SecretToken.hash(token)
        if let device = devices[hash] { return (device, nil) }
        if let device = await pairedDevices?.principal(tokenHash: hash) { return (device, nil) }
        let now = clock.now()
        guard let session = try await store.session(tokenHash: hash) else { throw AccessError.invalidDeviceToken }
        guard !policy.isExpired(session, at: now) else {
            try await forget(hash)
            throw AccessError.sessionExpired
        }
        guard let account = try await store.account(session.username), account.isActive else {
            try await forget(hash)
            throw AccessError.sessionExpired
        }
        var touched = session
        // Record activity at most every 30 s, so reads do not each cost a durable write.
        if now.timeIntervalSince(session.lastSeenAt) > 30 {
            do {
                try await store.touchSession(tokenHash: hash, at: now)
                touched.lastSeenAt = now
            } catch  where StorageFailure(error) != nil {
                // A full disk must not turn reads away: the session stays valid, its idle time counting
                // from the last activity recorded.
            }
        }
        return (Principal(account: account), policy.expiry(of: touched))
    }

    /// Deletes an ended session; on a full disk it stays (it is refused all the same) for the next sweep.
    private func forget(_ hash: String) async throws {
        do {
            try await store.deleteSession(tokenHash: hash)
        } catch  where StorageFailure(error) != nil {}
    }

    // MARK: Account management

    /// Creates an account with an initial password, on behalf of `actor`: nobody gives a role above
    /// their own (`RoleCeiling`).
    public func create(_ account: StaffAccount, password: String, by actor: Principal) async throws {
        var account = account
        account.displayName = account.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        try StaffAccount.validate(username: account.username, roles: account.roles)
        try StaffAccount.validate(displayName: account.displayName)
        try RoleCeiling.checkGrant(account.roles, by: actor.roles)
        try StaffAccount.validate(password: password, username: account.username)
        try await store.create(account, passwordHash: try await hasher.hash(password), at: clock.now())
    }

    /// Changes roles, display name, department or the active flag on behalf of `actor`. Deactivating
    /// ends the account's sessions. Nobody changes an account above their own role or gives a role
    /// above it (`RoleCeiling`), nobody deactivates themselves, and the last active administrator
    /// cannot be removed.
    public func update(_ username: String, by actor: Principal, change: (inout StaffAccount) -> Void) async throws -> StaffAccount {
        guard var account = try await store.account(username) else { throw AccessError.unknownAccount(username) }
        try RoleCeiling.checkManage(account, by: actor.roles)
        let roles = account.roles
        change(&account)
        account.roles = Array(Set(account.roles)).sorted()
        account.displayName = account.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        try StaffAccount.validate(username: account.username, roles: account.roles)
        try StaffAccount.validate(displayName: account.displayName)
        try RoleCeiling.checkGrant(account.roles.filter { !roles.contains($0) }, by: actor.roles)
        if !account.isActive, username == actor.name { throw AccessError.deactivatingYourself }
        if !(account.isActive && account.roles.contains(.admin)) {
            let admins = try await store.allAccounts().filter { $0.isActive && $0.roles.contains(.admin) && $0.username != username }
            if admins.isEmpty { throw AccessError.lastAdministrator }
        }
        try await store.update(account)
        if !account.isActive { try await store.deleteSessions(of: username) }
        return account
    }

    /// Sets a new password and ends the account's sessions: one's own (`actor` nil), or someone's
    /// on behalf of `actor`, who may not reset an account above their own role.
    public func setPassword(_ username: String, to password: String, by actor: Principal? = nil) async throws {
        try StaffAccount.validate(password: password, username: username)
        guard let account = try await store.account(username) else { throw AccessError.unknownAccount(username) }
        if let actor { try RoleCeiling.checkManage(account, by: actor.roles) }
        try await store.setPasswordHash(try await hasher.hash(password), for: username, at: clock.now())
        try await store.deleteSessions(of: username)
    }
}
