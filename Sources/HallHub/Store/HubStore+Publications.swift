import Foundation
import HallCore
import PostgresNIO

extension HubStore {
    /// Publishes `content` (validated as a hall's local import would) as a new version; audited.
    public func publish(_ kind: HubPublicationKind, content: Data, by actor: String, address: String?) async throws -> HubPublication {
        let label: String
        do { label = try HubPublication.validate(kind, content: content) } catch let failure as any HallFailure {
            throw HubError.badRequest("\(kind.label)未通过校验：\(failure.message)")
        } catch { throw HubError.badRequest("\(kind.label)无法读取") }
        let text = String(decoding: content, as: UTF8.self)
        return try await database.transaction { c in
            let rows = try await c.query(
                """
                INSERT INTO publication (kind, label, content, published_by) VALUES (\(kind.rawValue), \(label), \(text), \(actor))
                RETURNING id, published_at
                """, logger: logger)
            var published: HubPublication?
            for try await (id, at) in rows.decode((Int64, Date).self) {
                published = HubPublication(id: id, kind: kind, label: label, content: text, publishedAt: at)
            }
            guard let published else { throw HubError.badRequest("发布失败") }
            try await Self.audit(
                c, actor: actor, action: "publication.published", detail: "\(kind.rawValue) \(label) #\(published.id)", address: address,
                logger: logger)
            return published
        }
    }

    /// The publications `hall` has not reported on yet, oldest first.
    public func pendingPublications(for hall: String) async throws -> [HubPublication] {
        let rows = try await database.rows(
            """
            SELECT p.id, p.kind, p.label, p.content, p.published_at FROM publication p
            WHERE NOT EXISTS (SELECT 1 FROM hall_publication r WHERE r.hall_id = \(hall) AND r.publication_id = p.id)
            ORDER BY p.id
            """, logger: logger)
        var pending: [HubPublication] = []
        for (id, kind, label, content, at) in try rows.decode((Int64, String, String, String, Date).self) {
            guard let kind = HubPublicationKind(rawValue: kind) else { continue }
            pending.append(HubPublication(id: id, kind: kind, label: label, content: content, publishedAt: at))
        }
        return pending
    }

    /// Records `hall`'s report on publication `id` (the latest report wins); audited.
    public func record(_ report: HubPublicationReport, of id: Int64, from hall: String, address: String?) async throws {
        try await database.transaction { c in
            let rows = try await c.query(
                """
                INSERT INTO hall_publication (hall_id, publication_id, applied, message)
                SELECT \(hall), id, \(report.applied), \(String(report.message.prefix(500))) FROM publication WHERE id = \(id)
                ON CONFLICT (hall_id, publication_id) DO UPDATE
                  SET applied = EXCLUDED.applied, message = EXCLUDED.message, reported_at = now()
                RETURNING publication_id
                """, logger: logger)
            var found = false
            for try await _ in rows.decode(Int64.self) { found = true }
            guard found else { throw HubError.badRequest("没有这个发布版本") }
            let action = report.applied ? "publication.applied" : "publication.refused"
            try await Self.audit(c, actor: hall, action: action, detail: "#\(id) \(report.message)", address: address, logger: logger)
        }
    }

    /// What each hall runs: per hall, the label of the latest catalog and calendar publication it
    /// applied, and how many it refused.
    public func versions() async throws -> [String: HubHallVersions] {
        let rows = try await database.rows(
            """
            SELECT h.id,
              (SELECT p.label FROM hall_publication r JOIN publication p ON p.id = r.publication_id
                WHERE r.hall_id = h.id AND r.applied AND p.kind = 'catalog' ORDER BY p.id DESC LIMIT 1),
              (SELECT string_agg(DISTINCT p.label, ',' ORDER BY p.label) FROM hall_publication r JOIN publication p ON p.id = r.publication_id
                WHERE r.hall_id = h.id AND r.applied AND p.kind = 'calendar'),
              (SELECT count(*) FROM hall_publication r WHERE r.hall_id = h.id AND NOT r.applied)
            FROM hall h
            """, logger: logger)
        var versions: [String: HubHallVersions] = [:]
        for (id, catalog, calendars, refused) in try rows.decode((String, String?, String?, Int64).self) {
            versions[id] = HubHallVersions(catalog: catalog, calendarYears: calendars, refused: Int(refused))
        }
        return versions
    }

    /// Every publication with its kind and label (newest first), without the content.
    public func publications() async throws -> [HubPublicationSummary] {
        let rows = try await database.rows(
            "SELECT id, kind, label, published_by, published_at FROM publication ORDER BY id DESC", logger: logger)
        var list: [HubPublicationSummary] = []
        for (id, kind, label, by, at) in try rows.decode((Int64, String, String, String, Date).self) {
            list.append(HubPublicationSummary(id: id, kind: kind, label: label, publishedBy: by, publishedAt: at))
        }
        return list
    }
}

/// What a hall runs of the banner's publications.
public struct HubHallVersions: Codable, Sendable, Equatable {
    /// The catalog version last applied (nil: none from the hub yet).
    public var catalog: String?
    /// The calendar years applied, e.g. `2026,2027`.
    public var calendarYears: String?
    /// Publications the hall refused (its validation failed).
    public var refused: Int

    public init(catalog: String?, calendarYears: String?, refused: Int) {
        self.catalog = catalog
        self.calendarYears = calendarYears
        self.refused = refused
    }
}

/// A publication in the list.
public struct HubPublicationSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var label: String
    public var publishedBy: String
    public var publishedAt: Date
}
