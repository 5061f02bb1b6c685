import Foundation
import HallCore
import PostgresNIO

extension HubStore {
    /// Opens a session for `username` under the token whose hash is `tokenHash`.
    public func openSession(tokenHash: String, username: String, at now: Date, address: String?) async throws {
        try await database.rows(
            """
            INSERT INTO banner_session (token_hash, username, created_at, last_seen_at, remote_address)
            VALUES (\(tokenHash), \(username), \(now), \(now), \(address))
            """, logger: logger)
    }

    /// The active account signed in under `tokenHash`, touching the session; an ended session
    /// (by `policy`) is removed and throws `AccessError.sessionExpired`; none throws `notSignedIn`.
    public func sessionAccount(tokenHash: String, policy: SessionPolicy, at now: Date) async throws -> BannerAccount {
        let rows = try await database.rows(
            """
            SELECT s.username, s.created_at, s.last_seen_at, a.display_name, a.role, a.active
            FROM banner_session s JOIN banner_account a ON a.username = s.username WHERE s.token_hash = \(tokenHash)
            """, logger: logger)
        var found: (String, Date, Date, String, String, Bool)?
        for row in try rows.decode((String, Date, Date, String, String, Bool).self) { found = row }
        guard let (username, created, seen, display, roleText, active) = found, let role = BannerRole(rawValue: roleText), active else {
            throw AccessError.notSignedIn
        }
        let session = StaffSession(tokenHash: tokenHash, username: username, createdAt: created, lastSeenAt: seen, remoteAddress: nil)
        if policy.isExpired(session, at: now) {
            try await closeSession(tokenHash: tokenHash)
            throw AccessError.sessionExpired
        }
        try await database.rows(
            "UPDATE banner_session SET last_seen_at = \(now) WHERE token_hash = \(tokenHash)", logger: logger)
        return BannerAccount(username: username, displayName: display, role: role, isActive: active)
    }

    /// Ends the session under `tokenHash` (sign-out).
    public func closeSession(tokenHash: String) async throws {
        try await database.rows("DELETE FROM banner_session WHERE token_hash = \(tokenHash)", logger: logger)
    }
}
