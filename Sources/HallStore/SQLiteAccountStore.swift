import Foundation
import GRDB
import HallCore

/// Staff accounts, sessions (token hashes only) and the audit log on the hall's SQLite database.
public final class SQLiteAccountStore: AccountStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    private static let accountColumns = "username, display_name, roles, department_id, active"

    public func accountCount() async throws -> Int {
        try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0 }
    }

    public func account(_ username: String) async throws -> StaffAccount? {
        try await database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM account WHERE username = ?", arguments: [username])
                .map(Self.account)
        }
    }

    public func credentials(_ username: String) async throws -> (StaffAccount, String)? {
        try await database.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.accountColumns), password_hash FROM account WHERE username = ?",
                arguments: [username]
            )
            .map { (Self.account($0), $0[5]) }
        }
    }

    public func allAccounts() async throws -> [StaffAccount] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM account ORDER BY username").map(Self.account)
        }
    }

    public func create(_ account: StaffAccount, passwordHash: String, at: Date) async throws {
        try await database.pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM account WHERE username = ?", arguments: [account.username]) == nil else {
                throw AccessError.usernameTaken(account.username)
            }
            try db.execute(
                sql: """
                    INSERT INTO account (username, display_name, roles, department_id, active, password_hash, created_at, password_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.username, account.displayName, Self.joinRoles(account.roles), account.departmentID,
                    account.isActive, passwordHash, at.timeIntervalSince1970, at.timeIntervalSince1970,
                ])
        }
    }

    public func update(_ account: StaffAccount) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "UPDATE account SET display_name = ?, roles = ?, department_id = ?, active = ? WHERE username = ?",
                arguments: [
                    account.displayName, Self.joinRoles(account.roles), account.departmentID, account.isActive,
                    account.username,
                ])
            guard db.changesCount == 1 else { throw AccessError.unknownAccount(account.username) }
        }
    }

    public func setPasswordHash(_ hash: String, for username: String, at: Date) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "UPDATE account SET password_hash = ?, password_changed_at = ? WHERE username = ?",
                arguments: [hash, at.timeIntervalSince1970, username])
            guard db.changesCount == 1 else { throw AccessError.unknownAccount(username) }
        }
    }

    public func createSession(_ session: StaffSession) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO session (token_hash, username, created_at, last_seen_at, remote_address) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenHash, session.username, session.createdAt.timeIntervalSince1970,
                    session.lastSeenAt.timeIntervalSince1970, session.remoteAddress,
                ])
        }
    }

    public func session(tokenHash: String) async throws -> StaffSession? {
        try await database.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT token_hash, username, created_at, last_seen_at, remote_address FROM session WHERE token_hash = ?",
                arguments: [tokenHash]
            )
            .map {
                StaffSession(
                    tokenHash: $0[0], username: $0[1], createdAt: Date(timeIntervalSince1970: $0[2]),
                    lastSeenAt: Date(timeIntervalSince1970: $0[3]), remoteAddress: $0[4])
            }
        }
    }

    public func touchSession(tokenHash: String, at: Date) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE session SET last_seen_at = ? WHERE token_hash = ?", arguments: [at.timeIntervalSince1970, tokenHash])
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func deleteSessions(of username: String) async throws {
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM session WHERE username = ?", arguments: [username]) }
    }

    public func purgeSessions(idleBefore: Date, createdBefore: Date) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "DELETE FROM session WHERE last_seen_at < ? OR created_at < ?",
                arguments: [idleBefore.timeIntervalSince1970, createdBefore.timeIntervalSince1970])
        }
    }

    public func append(_ records: [AuditRecord]) async throws {
        guard !records.isEmpty else { return }
        try await database.pool.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO audit_log (at, actor, role, action, target, detail, remote_address) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in records {
                try statement.execute(arguments: [
                    r.at.timeIntervalSince1970, r.actor, r.role, r.action, r.target,
                    try HallJSON.string(r.detail), r.remoteAddress,
                ])
            }
        }
    }

    public func audit(_ query: AuditQuery) async throws -> [AuditRecord] {
        try await database.pool.read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let from = query.from { conditions.append("at >= ?"); arguments.append(from.timeIntervalSince1970) }
            if let to = query.to { conditions.append("at < ?"); arguments.append(to.timeIntervalSince1970) }
            if let actor = query.actor { conditions.append("actor = ?"); arguments.append(actor) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(query.limit)
            let sql = "SELECT id, at, actor, role, action, target, detail, remote_address FROM audit_log \(filter) ORDER BY id DESC LIMIT ?"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let detail = (try? HallJSON.decoder().decode([String: String].self, from: Data((row[6] as String).utf8))) ?? [:]
                return AuditRecord(
                    id: row[0], at: Date(timeIntervalSince1970: row[1]), actor: row[2], role: row[3], action: row[4],
                    target: row[5], detail: detail, remoteAddress: row[7])
            }
        }
    }

    static func joinRoles(_ roles: [Role]) -> String { roles.map(\.rawValue).joined(separator: ",") }

    private static func account(_ row: Row) -> StaffAccount {
        let roles = (row[2] as String).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return StaffAccount(username: row[0], displayName: row[1], roles: roles, departmentID: row[3], isActive: row[4])
    }
}
