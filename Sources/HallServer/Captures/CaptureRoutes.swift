import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The capture API: scan a material of a case on the window's scanner, list the case's pages, fetch
/// a page's image or thumbnail, delete a wrong page, export everything as one PDF; the scanners'
/// state. `{ref}` is a case number or the case's numeric id.
struct CaptureRoutes {
    let captures: CapturesFeature

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.post("cases/{ref}/captures") { request, context in
            var request = request
            let body = try await request.decodeJSON(CapturesFeature.Request.self, context: context)
            let c = try await load(context)
            let (window, records) = try await captures.capture(body, into: c, actor: context.actorName ?? "system")
            return try JSONResponse.make(
                CaptureResponses.Captured(window: window, captures: records.map { .init($0, of: c) }),
                status: .created)
        }
        api.get("cases/{ref}/captures") { _, context in
            let c = try await loadForReading(context)
            return try JSONResponse.make(CaptureResponses.List(c, try await captures.records(of: c)))
        }
        api.get("cases/{ref}/captures.pdf") { _, context in
            let c = try await loadForReading(context)
            guard let pdf = try await captures.exportPDF(c) else { throw CaptureError.nothingCaptured(c.reference) }
            return Self.file(
                pdf, type: "application/pdf",
                disposition: "attachment; filename=\"captures-\(c.number ?? String(c.id)).pdf\"")
        }
        api.get("cases/{ref}/captures/{id}/image") { _, context in
            let c = try await loadForReading(context)
            let record = try await captures.record(try context.parameters.require("id"), of: c)
            return Self.file(try captures.image(record), type: record.mime, disposition: nil, immutable: true)
        }
        api.get("cases/{ref}/captures/{id}/thumbnail") { _, context in
            let c = try await loadForReading(context)
            let record = try await captures.record(try context.parameters.require("id"), of: c)
            return Self.file(try captures.thumbnail(record), type: "image/png", disposition: nil, immutable: true)
        }
        api.delete("cases/{ref}/captures/{id}") { _, context in
            let c = try await load(context)
            let removed = try await captures.delete(try context.parameters.require("id"), of: c, actor: context.actorName ?? "system")
            return try JSONResponse.make(CaptureResponses.Page(removed, of: c))
        }
        api.get("scanners") { _, _ in
            try JSONResponse.make(await captures.stations?.statuses() ?? [])
        }
    }

    private func load(_ context: HallRequestContext) async throws -> Case {
        try await captures.intake.loadCase(ref: try context.parameters.require("ref"))
    }

    /// The case, for reading its pages: staff who read cases see any case; a department reviewer
    /// (并联办理) sees the materials of cases routed to their own department only.
    private func loadForReading(_ context: HallRequestContext) async throws -> Case {
        let c = try await load(context)
        guard let principal = context.principal, principal.role(for: .readCases) == nil else { return c }
        let department = try ReviewerScope.department(for: principal, requested: nil)
        guard c.reviews.contains(where: { $0.department.id == department }) else {
            let names = await captures.departmentNames(c)
            throw ReviewAccessError.notRouted(case: c.reference, department: names[department] ?? department)
        }
        return c
    }

    /// A file answer; page images never change under their address (content-addressed).
    private static func file(_ data: Data, type: String, disposition: String?, immutable: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: immutable ? "private, max-age=86400, immutable" : "no-store"]
        if let disposition { headers[.contentDisposition] = disposition }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
