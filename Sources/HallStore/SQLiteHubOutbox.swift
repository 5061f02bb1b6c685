import Foundation
import GRDB
import HallCore

/// The outbox to the banner's hub over the hall's event log: the events after the acknowledged
/// sequence, read in log order, and the link's state (`hub_link`). The log itself is the queue:
/// nothing is copied, and an event committed locally is in the outbox by that commit.
public final class SQLiteHubOutbox: Sendable {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func state() async throws -> HubLinkState {
        try await database.pool.read { db in try Self.state(db) }
    }

    static func state(_ db: Database) throws -> HubLinkState {
        guard let row = try Row.fetchOne(db, sql: "SELECT hall, secret, acknowledged, send, acknowledged_at FROM hub_link WHERE id = 1")
        else { return HubLinkState(hall: nil, secret: nil, acknowledged: 0, send: 0, acknowledgedAt: nil) }
        let at: Double? = row["acknowledged_at"]
        return HubLinkState(
            hall: row["hall"], secret: row["secret"], acknowledged: row["acknowledged"], send: row["send"],
            acknowledgedAt: at.map { Date(timeIntervalSince1970: $0) })
    }

    /// Keeps the credential the hub granted to `hall`.
    public func saveCredential(hall: String, secret: String) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE hub_link SET hall = ?, secret = ? WHERE id = 1", arguments: [hall, secret])
        }
    }

    /// Takes the next send number (committed before the request leaves, so none is used twice).
    public func takeSendNumber() async throws -> Int64 {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE hub_link SET send = send + 1 WHERE id = 1")
            return try Int64.fetchOne(db, sql: "SELECT send FROM hub_link WHERE id = 1") ?? 0
        }
    }

    /// Records the hub's acknowledgement (or, after a `gap` refusal, what the hub holds: the next
    /// batch starts there, even below what was acknowledged before, e.g. a hub restored from backup).
    public func acknowledge(sequence: Int64, at now: Date) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "UPDATE hub_link SET acknowledged = ?, acknowledged_at = ? WHERE id = 1",
                arguments: [sequence, now.timeIntervalSince1970])
        }
    }

    /// After a `replayed` refusal: the next send number follows the hub's last one.
    public func raiseSendNumber(to last: Int64) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE hub_link SET send = MAX(send, ?) WHERE id = 1", arguments: [last])
        }
    }

    /// The hall's configured windows now, as they cross to the hub with each batch.
    public func windows() async throws -> [SyncWindow] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT number, name, service_ids, paused FROM service_window ORDER BY number").map {
                SyncWindow(ServiceWindow(number: $0[0], name: $0[1], serviceIDs: HallDatabase.splitIDs($0[2]), isPaused: $0[3]))
            }
        }
    }

    /// Up to `limit` events after `sequence`, in log order.
    public func events(after sequence: Int64, limit: Int) async throws -> [HallEvent] {
        try await database.pool.read { db in
            let decoder = HallJSON.decoder()
            return try String.fetchAll(
                db, sql: "SELECT body FROM event WHERE id > ? ORDER BY id LIMIT ?", arguments: [sequence, limit]
            ).map { try decoder.decode(HallEvent.self, from: Data($0.utf8)) }
        }
    }

    /// How far the hub is behind this hall at `now`.
    public func lag(at now: Date) async throws -> SyncLag {
        try await database.pool.read { db in
            let state = try Self.state(db)
            let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0
            let oldest = try Double.fetchOne(
                db, sql: "SELECT at FROM event WHERE id > ? ORDER BY id LIMIT 1", arguments: [state.acknowledged])
            return SyncLag.of(
                newest: newest, acknowledged: state.acknowledged, oldestPendingAt: oldest.map { Date(timeIntervalSince1970: $0) },
                lastAcknowledgedAt: state.acknowledgedAt, now: now)
        }
    }
}
