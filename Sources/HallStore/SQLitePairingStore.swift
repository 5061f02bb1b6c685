import Foundation
import GRDB
import HallCore

/// Device pairing codes and paired devices on the hall's SQLite database: hashes only, never a
/// code or a token.
public final class SQLitePairingStore: PairingStore {
    private let database: HallDatabase
    /// Used and expired codes are kept this long, so that a late device hears "expired" or "used"
    /// rather than "wrong".
    static let keepSeconds: TimeInterval = 24 * 3600

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func issue(_ ticket: PairingTicket, at now: Date) async throws -> Bool {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM pairing_code WHERE expires_at < ?", arguments: [now.timeIntervalSince1970 - Self.keepSeconds])
            let pending =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM pairing_code WHERE used_at IS NULL AND expires_at > ?",
                    arguments: [now.timeIntervalSince1970]) ?? 0
            try PairingRules.checkPending(pending)
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM pairing_code WHERE code_hash = ?", arguments: [ticket.codeHash]) == nil
            else { return false }
            try db.execute(
                sql: """
                    INSERT INTO pairing_code (code_hash, kind, window_number, name, issued_by, issued_at, expires_at, used_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
                    """,
                arguments: [
                    ticket.codeHash, ticket.kind.rawValue, ticket.window, ticket.name, ticket.issuedBy,
                    ticket.issuedAt.timeIntervalSince1970, ticket.expiresAt.timeIntervalSince1970,
                ])
            return true
        }
    }

    public func pair(
        codeHash: String, tokenHash: String, at now: Date,
        claim: @escaping @Sendable (PairingTicket?) throws -> PairingTicket
    ) async throws -> PairedDevice {
        try await database.pool.write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT code_hash, kind, window_number, name, issued_by, issued_at, expires_at, used_at
                    FROM pairing_code WHERE code_hash = ?
                    """, arguments: [codeHash])
            let ticket = try claim(row.flatMap(Self.ticket))
            try db.execute(
                sql: "UPDATE pairing_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                arguments: [now.timeIntervalSince1970, codeHash])
            guard db.changesCount == 1 else { throw PairingError.usedCode }
            let seq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM paired_device")) ?? 1
            let device = PairedDevice(
                id: "\(Self.idPrefix(ticket.kind))-p\(seq)", kind: ticket.kind, window: ticket.window, name: ticket.name,
                pairedAt: now, pairedBy: ticket.issuedBy, lastSeenAt: now)
            try db.execute(
                sql: """
                    INSERT INTO paired_device (seq, id, token_hash, kind, window_number, name, paired_at, paired_by, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    seq, device.id, tokenHash, device.kind.rawValue, device.window, device.name, now.timeIntervalSince1970,
                    device.pairedBy, now.timeIntervalSince1970,
                ])
            return device
        }
    }

    public func devices() async throws -> [PairedDevice] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.deviceColumns) FROM paired_device ORDER BY seq DESC").compactMap(Self.device)
        }
    }

    /// The devices not revoked, read synchronously (at start, before the server runs).
    public func activeDevicesNow() throws -> [(tokenHash: String, device: PairedDevice)] {
        try database.pool.read { db in try Self.active(db) }
    }

    private static func active(_ db: Database) throws -> [(tokenHash: String, device: PairedDevice)] {
        try Row.fetchAll(db, sql: "SELECT \(deviceColumns), token_hash FROM paired_device WHERE revoked_at IS NULL")
            .compactMap { row in device(row).map { (tokenHash: row["token_hash"], device: $0) } }
    }

    public func revoke(_ id: String, by actor: String, at now: Date) async throws -> PairedDevice {
        try await database.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.deviceColumns) FROM paired_device WHERE id = ?", arguments: [id]),
                var device = Self.device(row)
            else { throw PairingError.unknownDevice(id) }
            guard !device.isRevoked else { throw PairingError.alreadyRevoked(id) }
            try db.execute(
                sql: "UPDATE paired_device SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                arguments: [now.timeIntervalSince1970, actor, id])
            device.revokedAt = now
            device.revokedBy = actor
            return device
        }
    }

    public func touch(_ id: String, at now: Date) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE paired_device SET last_seen_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
        }
    }

    private static let deviceColumns = "id, kind, window_number, name, paired_at, paired_by, last_seen_at, revoked_at, revoked_by"

    static func idPrefix(_ kind: DeviceKind) -> String {
        switch kind {
        case .kiosk: "kiosk"
        case .screen: "screen"
        case .ratingPad: "pad"
        }
    }

    private static func date(_ value: Double?) -> Date? { value.map { Date(timeIntervalSince1970: $0) } }

    private static func ticket(_ row: Row) -> PairingTicket? {
        guard let kind = DeviceKind(rawValue: row["kind"]) else { return nil }
        return PairingTicket(
            codeHash: row["code_hash"], kind: kind, window: row["window_number"], name: row["name"], issuedBy: row["issued_by"],
            issuedAt: Date(timeIntervalSince1970: row["issued_at"]), expiresAt: Date(timeIntervalSince1970: row["expires_at"]),
            usedAt: date(row["used_at"]))
    }

    private static func device(_ row: Row) -> PairedDevice? {
        guard let kind = DeviceKind(rawValue: row["kind"]) else { return nil }
        return PairedDevice(
            id: row["id"], kind: kind, window: row["window_number"], name: row["name"],
            pairedAt: Date(timeIntervalSince1970: row["paired_at"]), pairedBy: row["paired_by"],
            lastSeenAt: date(row["last_seen_at"]), revokedAt: date(row["revoked_at"]), revokedBy: row["revoked_by"])
    }
}
