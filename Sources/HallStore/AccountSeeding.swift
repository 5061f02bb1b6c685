import Foundation
import GRDB
import HallCore

extension HallDatabase {
    /// Whether any staff account exists.
    public func hasAccounts() throws -> Bool {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0 } > 0
    }

    /// Inserts `accounts` (with their bcrypt hashes) in one transaction, only if no account
    /// exists yet. Returns whether it did.
    public func seedAccountsIfEmpty(_ accounts: [(StaffAccount, String)], at now: Date) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") == 0 else { return false }
            for (account, hash) in accounts {
                try db.execute(
                    sql: """
                        INSERT INTO account (username, display_name, roles, department_id, active, password_hash, created_at, password_changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        account.username, account.displayName, SQLiteAccountStore.joinRoles(account.roles),
                        account.departmentID, account.isActive, hash, now.timeIntervalSince1970, now.timeIntervalSince1970,
                    ])
            }
            return true
        }
    }
}
