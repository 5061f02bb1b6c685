import Foundation
import HallCore
import Logging
import PostgresNIO

/// The hub's data: halls and their enrollment, their events, and the audit of what the banner's
/// administrators did. Every batch is applied in one transaction that locks the hall's row, so the
/// acknowledgement follows the commit and two copies of one batch cannot both apply.
public struct HubStore: Sendable {
    public let database: HubDatabase
    var logger: Logger { database.logger }

    public init(database: HubDatabase) { self.database = database }

    /// Registers `hall` (or finds it) and issues a one-time enrollment code for it, valid three
    /// days; returns the code, which the hub keeps only hashed. Audited as `issuedBy`.
    public func issueEnrollmentCode(
        hall: String, name: String, issuedBy: String, address: String? = nil, at now: Date = Date()
    ) async throws -> String {
        guard HubEnrollmentRules.isValidHallID(hall) else { throw HubError.enrollment(.invalidHallID(hall)) }
        let code = HubSecrets.enrollmentCode()
        let hash = HubSecrets.hash(HubSecrets.normalizedCode(code))
        try await database.transaction { c in
            try await c.query(
                "INSERT INTO hall (id, name) VALUES (\(hall), \(name)) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
                logger: logger)
            try await c.query(
                """
                INSERT INTO enrollment_code (code_hash, hall_id, issued_by, issued_at)
                VALUES (\(hash), \(hall), \(issuedBy), \(now))
                """, logger: logger)
            try await Self.audit(c, actor: issuedBy, action: "enrollment_code.issued", detail: hall, address: address, logger: logger)
        }
        return code
    }

    /// Claims an enrollment code: the hall gets a new secret (any earlier one stops working). A used
    /// code works again until the hall's first batch (`HubEnrollmentRules`).
    public func enroll(_ request: HubEnrollmentRequest, address: String? = nil, at now: Date = Date()) async throws -> HubEnrollmentGrant {
        guard HubEnrollmentRules.isValidHallID(request.hall) else { throw HubError.enrollment(.invalidHallID(request.hall)) }
        let hash = HubSecrets.hash(HubSecrets.normalizedCode(request.code))
        let secret = HubSecrets.hallSecret()
        try await database.transaction { c in
            let rows = try await c.query(
                """
                SELECT c.hall_id, c.issued_at, c.used_at, h.last_batch_at IS NOT NULL
                FROM enrollment_code c JOIN hall h ON h.id = c.hall_id WHERE c.code_hash = \(hash) FOR UPDATE
                """, logger: logger)
            var found: (String, Date, Date?, Bool)?
            for try await row in rows.decode((String, Date, Date?, Bool).self) { found = row }
            do {
                try HubEnrollmentRules.checkClaim(
                    codeHall: found?.0, issuedAt: found?.1, usedAt: found?.2, credentialUsed: found?.3 ?? false, hall: request.hall,
                    at: now)
            } catch let error as HubEnrollmentError { throw HubError.enrollment(error) }
            try await c.query("UPDATE enrollment_code SET used_at = \(now) WHERE code_hash = \(hash)", logger: logger)
            try await c.query(
                "UPDATE hall SET secret_hash = \(HubSecrets.hash(secret)), enrolled_at = \(now) WHERE id = \(request.hall)",
                logger: logger)
            try await Self.audit(c, actor: request.hall, action: "hall.enrolled", detail: request.hall, address: address, logger: logger)
        }
        return HubEnrollmentGrant(hall: request.hall, secret: secret)
    }

    /// Whether `secret` is the enrolled hall `hall`'s.
    public func authenticate(hall: String, secret: String) async throws -> Bool {
        let rows = try await database.rows(
            "SELECT secret_hash FROM hall WHERE id = \(hall) AND secret_hash IS NOT NULL", logger: logger)
        for stored in try rows.decode(String.self) { return HubSecrets.equal(stored, HubSecrets.hash(secret)) }
        return false
    }

    /// Applies `batch` for the authenticated hall `hall` by `SyncRules`, commits, and returns the
    /// acknowledgement; throws `HubError` (nothing stored) when the rules refuse it.
    public func apply(_ batch: SyncBatch, from hall: String, at now: Date = Date()) async throws -> SyncAcknowledgement {
        guard batch.hall == hall else { throw HubError.hallMismatch }
        let bodies: [String], windows: String?
        do {
            let encoder = HallJSON.encoder()
            bodies = try batch.events.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            windows = try batch.windows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        } catch { throw HubError.malformedBatch("\(error)") }
        return try await database.transaction { c in
            let rows = try await c.query(
                "SELECT last_sequence, last_send FROM hall WHERE id = \(hall) AND secret_hash IS NOT NULL FOR UPDATE",
                logger: logger)
            var state: (Int64, Int64)?
            for try await row in rows.decode((Int64, Int64).self) { state = row }
            guard let (lastSequence, lastSend) = state else { throw HubError.unknownHall }
            switch SyncRules.verdict(for: batch, lastSequence: lastSequence, lastSend: lastSend) {
            case .malformed:
                throw HubError.malformedBatch(
                    "序号须递增且大于 after，每批最多 \(SyncRules.maxBatchEvents) 条；窗口最多 \(SyncWindow.maxWindows) 个，编号不重复")
            case .replayed(let last): throw HubError.replayed(lastSend: last)
            case .gap(let expected): throw HubError.gap(expectedAfter: expected)
            case .apply(let events):
                let fresh = Array(bodies.suffix(events.count))
                if !fresh.isEmpty {
                    // The state of the tickets the batch touched moves (HubTicketSQL), and their days wait
                    // for their roll-up (HubStore+RollUps): one statement, from the rows actually inserted.
                    try await c.query(
                        """
                        WITH ins AS (
                          INSERT INTO hall_event (hall_id, sequence, type, at, window_number, body)
                          SELECT \(hall), (b->>'sequence')::bigint, b->>'type', (b->>'at')::timestamptz, (b->>'window')::integer, b
                          FROM (SELECT x::jsonb AS b FROM unnest(\(fresh)::text[]) AS x) AS j
                          ON CONFLICT (hall_id, sequence) DO NOTHING
                          RETURNING hall_id, sequence, type, at, window_number, body),
                        e AS MATERIALIZED (\(unescaped: HubTicketSQL.fields(of: "ins"))),
                        tk AS (\(unescaped: HubTicketSQL.merge("SELECT * FROM e")))
                        INSERT INTO hall_day_pending (hall_id, day)
                        SELECT DISTINCT hall_id, day FROM e WHERE day IS NOT NULL ORDER BY 2
                        ON CONFLICT (hall_id, day) DO UPDATE SET marks = hall_day_pending.marks + 1
                        """, logger: logger)
                }
                let sequence = max(lastSequence, batch.last)
                try await c.query(
                    """
                    UPDATE hall SET last_sequence = \(sequence), last_send = \(batch.send), last_batch_at = \(now),
                      windows = coalesce(\(windows)::jsonb, windows),
                      windows_at = CASE WHEN \(windows)::text IS NULL THEN windows_at ELSE \(now) END
                    WHERE id = \(hall)
                    """, logger: logger)
                return SyncAcknowledgement(hall: hall, sequence: sequence, send: batch.send, applied: fresh.count)
            }
        }
    }

    /// The events the hub holds for `hall`, in sequence order.
    public func events(of hall: String) async throws -> [SyncEvent] {
        let rows = try await database.rows(
            "SELECT body::text FROM hall_event WHERE hall_id = \(hall) ORDER BY sequence", logger: logger)
        let decoder = HallJSON.decoder()
        var events: [SyncEvent] = []
        for body in try rows.decode(String.self) { events.append(try decoder.decode(SyncEvent.self, from: Data(body.utf8))) }
        return events
    }

    /// Every hall the hub knows, with what it holds of each.
    public func halls() async throws -> [HubHallStatus] {
        let rows = try await database.rows(
            """
            SELECT h.id, h.name, h.enrolled_at, h.last_sequence, h.last_batch_at,
                   (SELECT count(*) FROM hall_event e WHERE e.hall_id = h.id)
            FROM hall h ORDER BY h.id
            """, logger: logger)
        var halls: [HubHallStatus] = []
        for (id, name, enrolled, last, batchAt, count) in try rows.decode((String, String, Date?, Int64, Date?, Int64).self) {
            halls.append(
                HubHallStatus(id: id, name: name, enrolledAt: enrolled, lastSequence: last, lastBatchAt: batchAt, events: count))
        }
        return halls
    }
}

/// A hall as the hub sees it.
public struct HubHallStatus: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var enrolledAt: Date?
    /// The highest sequence held.
    public var lastSequence: Int64
    public var lastBatchAt: Date?
    /// How many events the hub holds for the hall.
    public var events: Int64
}
