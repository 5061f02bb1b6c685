import Foundation
import HallCore
import PostgresNIO

/// Banner accounts as the hub keeps them: the account and its bcrypt hash (never returned to a client).
public struct BannerCredential: Sendable {
    public var account: BannerAccount
    public var passwordHash: String
}

extension HubStore {
    /// The account `username` with its hash, if any.
    public func credential(_ username: String) async throws -> BannerCredential? {
        let rows = try await database.rows(
            "SELECT username, display_name, role, active, password_hash FROM banner_account WHERE username = \(username)",
            logger: logger)
        for (name, display, role, active, hash) in try rows.decode((String, String, String, Bool, String).self) {
            guard let role = BannerRole(rawValue: role) else { continue }
            return BannerCredential(account: BannerAccount(username: name, displayName: display, role: role, isActive: active), passwordHash: hash)
        }
        return nil
    }

    /// Every banner account, by name.
    public func accounts() async throws -> [BannerAccount] {
        let rows = try await database.rows(
            "SELECT username, display_name, role, active FROM banner_account ORDER BY username", logger: logger)
        var accounts: [BannerAccount] = []
        for (name, display, role, active) in try rows.decode((String, String, String, Bool).self) {
            guard let role = BannerRole(rawValue: role) else { continue }
            accounts.append(BannerAccount(username: name, displayName: display, role: role, isActive: active))
        }
        return accounts
    }

    /// Creates `account` (throws `AccessError.usernameTaken` when the name exists); audited as
    /// `account.created` by `actor`. With `onlyIfNoAdministrator`, refuses (returns false) once an
    /// active banner administrator exists: the command line's first administrator.
    @discardableResult
    public func createAccount(
        _ account: BannerAccount, passwordHash: String, by actor: String, address: String?, onlyIfNoAdministrator: Bool = false
    ) async throws -> Bool {
        try await database.transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(7291002)", logger: logger)
            if onlyIfNoAdministrator {
                let admin = BannerRole.admin.rawValue
                let rows = try await c.query(
                    "SELECT count(*) FROM banner_account WHERE role = \(admin) AND active", logger: logger)
                for try await count in rows.decode(Int64.self) where count > 0 { return false }
            }
            let rows = try await c.query(
                """
                INSERT INTO banner_account (username, display_name, role, password_hash, active)
                VALUES (\(account.username), \(account.displayName), \(account.role.rawValue), \(passwordHash), \(account.isActive))
                ON CONFLICT (username) DO NOTHING RETURNING username
                """, logger: logger)
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            guard inserted else { throw AccessError.usernameTaken(account.username) }
            try await Self.audit(
                c, actor: actor, action: "account.created", detail: "\(account.username) \(account.role.rawValue)", address: address,
                logger: logger)
            return true
        }
    }

    /// Stores `changed` (and a new hash, if given) for the existing account `changed.username`;
    /// ends its sessions when it is deactivated or its password or role changes. Audited as
    /// `account.changed` with what changed.
    public func updateAccount(
        from before: BannerAccount, to changed: BannerAccount, passwordHash: String?, by actor: String, address: String?
    ) async throws {
        var what: [String] = []
        if before.displayName != changed.displayName { what.append("displayName") }
        if before.role != changed.role { what.append("role \(before.role.rawValue)→\(changed.role.rawValue)") }
        if before.isActive != changed.isActive { what.append(changed.isActive ? "activated" : "deactivated") }
        if passwordHash != nil { what.append("password") }
        let endSessions = passwordHash != nil || before.role != changed.role || !changed.isActive
        let detail = "\(changed.username): \(what.isEmpty ? "nothing" : what.joined(separator: ", "))"
        try await database.transaction { c in
            try await c.query(
                """
                UPDATE banner_account SET display_name = \(changed.displayName), role = \(changed.role.rawValue),
                    active = \(changed.isActive), password_hash = COALESCE(\(passwordHash), password_hash), updated_at = now()
                WHERE username = \(changed.username)
                """, logger: logger)
            if endSessions { try await c.query("DELETE FROM banner_session WHERE username = \(changed.username)", logger: logger) }
            try await Self.audit(c, actor: actor, action: "account.changed", detail: detail, address: address, logger: logger)
        }
    }

    /// Records one line of the hub's audit.
    public func audit(actor: String, action: String, detail: String, address: String?) async throws {
        try await database.rows(Self.auditLine(actor: actor, action: action, detail: detail, address: address))
    }

    static func audit(
        _ c: PostgresConnection, actor: String, action: String, detail: String, address: String?, logger: Logger
    ) async throws {
        try await c.query(auditLine(actor: actor, action: action, detail: detail, address: address), logger: logger)
    }

    static func auditLine(actor: String, action: String, detail: String, address: String?) -> PostgresQuery {
        """
        INSERT INTO hub_audit (actor, action, detail, address)
        VALUES (\(String(actor.prefix(64))), \(action), \(String(detail.prefix(500))), \(address))
        """
    }

    /// The latest `limit` lines of the audit, newest first.
    public func auditTrail(limit: Int = 200) async throws -> [HubAuditRecord] {
        let rows = try await database.rows(
            "SELECT at, actor, action, detail, address FROM hub_audit ORDER BY id DESC LIMIT \(limit)", logger: logger)
        var records: [HubAuditRecord] = []
        for (at, actor, action, detail, address) in try rows.decode((Date, String, String, String, String?).self) {
            records.append(HubAuditRecord(at: at, actor: actor, action: action, detail: detail, address: address))
        }
        return records
    }
}

/// One line of the hub's audit: who did what, when, from where.
public struct HubAuditRecord: Codable, Sendable, Equatable {
    public var at: Date
    /// A banner account, a hall (enrollment), or `command-line`.
    public var actor: String
    /// e.g. `signed_in`, `sign_in.failed`, `enrollment_code.issued`, `hall.enrolled`, `account.created`.
    public var action: String
    public var detail: String
    public var address: String?
}
