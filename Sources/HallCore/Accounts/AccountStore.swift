import Foundation

/// Storage of staff accounts, sessions and the audit log. The core owns this protocol; HallStore
/// implements it on SQLite. Password hashes are opaque strings here (bcrypt, made by the server).
public protocol AccountStore: Sendable {
    /// How many accounts exist (0 on first start).
    func accountCount() async throws -> Int
    func account(_ username: String) async throws -> StaffAccount?
    /// The account and its password hash, for sign-in.
    func credentials(_ username: String) async throws -> (StaffAccount, String)?
    func allAccounts() async throws -> [StaffAccount]
    /// Inserts a new account; throws `AccessError.usernameTaken` when the name exists.
    func create(_ account: StaffAccount, passwordHash: String, at: Date) async throws
    /// Replaces the roles, display name, department and active flag of an existing account.
    func update(_ account: StaffAccount) async throws
    func setPasswordHash(_ hash: String, for username: String, at: Date) async throws

    func createSession(_ session: StaffSession) async throws
    func session(tokenHash: String) async throws -> StaffSession?
    func touchSession(tokenHash: String, at: Date) async throws
    func deleteSession(tokenHash: String) async throws
    /// Ends every session of `username` (deactivation, password reset).
    func deleteSessions(of username: String) async throws
    /// Drops sessions whose last request is older than `idleBefore` or that began before `createdBefore`.
    func purgeSessions(idleBefore: Date, createdBefore: Date) async throws

    /// Appends records in one transaction.
    func append(_ records: [AuditRecord]) async throws
    func audit(_ query: AuditQuery) async throws -> [AuditRecord]
}
