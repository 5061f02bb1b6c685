import Crypto
import Foundation
import HallCore
import Synchronization

/// Sign-in, sessions and sign-out of banner accounts. Failed sign-ins are throttled per user name
/// and per address (`GuessThrottle`, as halld's); every sign-in, failed or not, is audited.
public final class BannerSessions: Sendable {
    /// The session cookie's name.
    public static let cookieName = "hub_session"

    let store: HubStore
    let passwords: BannerPasswords
    let policy: SessionPolicy
    private let throttle: Mutex<GuessThrottle>
    /// A hash to verify against when the user name is unknown, so both cases take the same time.
    private let decoyHash: Mutex<String?> = Mutex(nil)

    public init(store: HubStore, accounts: HubConfiguration.Accounts) {
        self.store = store
        passwords = BannerPasswords(cost: accounts.passwordCost)
        policy = SessionPolicy(idleSeconds: accounts.sessionIdleSeconds, absoluteSeconds: accounts.sessionAbsoluteSeconds)
        throttle = Mutex(
            GuessThrottle(
                perKey: .init(
                    freeFailures: accounts.throttleFreeFailures, baseDelaySeconds: accounts.throttleBaseDelaySeconds,
                    maxDelaySeconds: accounts.throttleMaxDelaySeconds),
                perAddress: .init(
                    freeFailures: accounts.throttleFreeFailuresPerAddress, baseDelaySeconds: accounts.throttleBaseDelaySeconds,
                    maxDelaySeconds: accounts.throttleMaxDelaySeconds)))
    }

    /// Checks `password` for `username` and opens a session; returns the account and the session
    /// token (only its SHA-256 is stored). Throws `AccessError.throttled` or `.badCredentials`.
    public func signIn(username: String, password: String, address: String?, at now: Date = Date()) async throws -> (BannerAccount, String) {
        let key = username.lowercased()
        do {
            try throttle.withLock { try $0.check(key: key, address: address, at: now) }
        } catch {
            try await store.audit(actor: String(username.prefix(32)), action: "sign_in.throttled", detail: "", address: address)
            throw error
        }
        let credential = try await store.credential(username)
        let stored: String
        if let hash = credential?.passwordHash { stored = hash } else { stored = try await decoy() }
        let matches = try await passwords.verify(password, hash: stored)
        guard let credential, matches, credential.account.isActive else {
            throttle.withLock { $0.recordFailure(key: key, address: address, at: now) }
            try await store.audit(actor: String(username.prefix(32)), action: "sign_in.failed", detail: "", address: address)
            throw AccessError.badCredentials
        }
        throttle.withLock { $0.recordSuccess(key: key) }
        let token = Self.token()
        try await store.openSession(tokenHash: Self.hash(token), username: credential.account.username, at: now, address: address)
        try await store.audit(actor: credential.account.username, action: "signed_in", detail: credential.account.role.rawValue, address: address)
        return (credential.account, token)
    }

    /// The account signed in under `token`.
    public func account(token: String, at now: Date = Date()) async throws -> BannerAccount {
        try await store.sessionAccount(tokenHash: Self.hash(token), policy: policy, at: now)
    }

    /// Ends the session under `token`; audited.
    public func signOut(token: String, account: BannerAccount, address: String?) async throws {
        try await store.closeSession(tokenHash: Self.hash(token))
        try await store.audit(actor: account.username, action: "signed_out", detail: "", address: address)
    }

    private func decoy() async throws -> String {
        if let hash = decoyHash.withLock({ $0 }) { return hash }
        let hash = try await passwords.hash(Self.token())
        decoyHash.withLock { $0 = hash }
        return hash
    }

    /// 32 random bytes, hex.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
