import Foundation
import HallCore

/// Creating and changing banner accounts: the same name, display-name and password rules as a
/// hall's staff accounts, the ceiling (`BannerCeiling`), bcrypt hashes, and the audit.
public struct BannerAccountService: Sendable {
    let store: HubStore
    let passwords: BannerPasswords

    public init(store: HubStore, passwords: BannerPasswords) {
        self.store = store
        self.passwords = passwords
    }

    /// Creates an account as `actor`.
    public func create(_ request: BannerAccountCreation, by actor: BannerAccount, address: String?) async throws -> BannerAccount {
        try BannerCeiling.checkCreate(request.role, by: actor)
        let account = try Self.validated(request)
        try await store.createAccount(
            account, passwordHash: try await passwords.hash(request.password), by: actor.username, address: address)
        return account
    }

    /// Creates the first banner administrator from the command line; false when an active one exists.
    public func createFirstAdministrator(username: String, displayName: String, password: String, by who: String) async throws -> Bool {
        let account = try Self.validated(BannerAccountCreation(username: username, displayName: displayName, role: .admin, password: password))
        return try await store.createAccount(
            account, passwordHash: try await passwords.hash(password), by: who, address: nil, onlyIfNoAdministrator: true)
    }

    /// Changes the account `username` as `actor`.
    public func change(_ username: String, _ change: BannerAccountChange, by actor: BannerAccount, address: String?) async throws
        -> BannerAccount
    {
        guard let before = try await store.credential(username)?.account else { throw AccessError.unknownAccount(String(username.prefix(32))) }
        var after = before
        if let name = change.displayName {
            try StaffAccount.validate(displayName: name)
            after.displayName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let role = change.role { after.role = role }
        if let active = change.isActive { after.isActive = active }
        try BannerCeiling.checkChange(before, to: after, by: actor)
        var hash: String?
        if let password = change.password {
            try StaffAccount.validate(password: password, username: username)
            hash = try await passwords.hash(password)
        }
        try await store.updateAccount(from: before, to: after, passwordHash: hash, by: actor.username, address: address)
        return after
    }

    static func validated(_ request: BannerAccountCreation) throws -> BannerAccount {
        try StaffAccount.validate(username: request.username, roles: [.head])
        try StaffAccount.validate(displayName: request.displayName)
        try StaffAccount.validate(password: request.password, username: request.username)
        return BannerAccount(
            username: request.username, displayName: request.displayName.trimmingCharacters(in: .whitespacesAndNewlines), role: request.role)
    }
}
