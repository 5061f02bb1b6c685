import Foundation
import HallCore
import Hummingbird

/// The hub's HTTP API for halls: enrollment with a one-time code, batches of events, health.
struct HubRoutes: Sendable {
    let store: HubStore
    /// Largest accepted body.
    let maxBytes: Int

    func register(on router: Router<HubRequestContext>) {
        router.get("healthz") { _, _ in
            let databaseOK = (try? await store.database.rows("SELECT 1")) != nil
            return try HubJSON.response(["status": databaseOK ? "ok" : "degraded"], status: databaseOK ? .ok : .serviceUnavailable)
        }
        router.post("api/enroll") { request, context in
            let enrollment = try await HubJSON.decode(HubEnrollmentRequest.self, from: request, limit: maxBytes)
            return try HubJSON.response(try await store.enroll(enrollment, address: context.remoteAddress), status: .created)
        }
        router.post("api/halls/:hall/batches") { request, context in
            let hall = context.parameters.get("hall") ?? ""
            guard let secret = Self.bearer(request), try await store.authenticate(hall: hall, secret: secret) else {
                throw HubError.unknownHall
            }
            let batch = try await HubJSON.decode(SyncBatch.self, from: request, limit: maxBytes)
            return try HubJSON.response(try await store.apply(batch, from: hall))
        }
        registerPublications(on: router)
    }

    /// The publications (catalog, calendars) the hall has not reported on, and its reports.
    func registerPublications(on router: Router<HubRequestContext>) {
        router.get("api/halls/:hall/publications") { request, context in
            let hall = try await authenticated(request, context)
            return try HubJSON.response(try await store.pendingPublications(for: hall))
        }
        router.post("api/halls/:hall/publications/:id/report") { request, context in
            let hall = try await authenticated(request, context)
            guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw HubError.badRequest("发布版本号无效") }
            let report = try await HubJSON.decode(HubPublicationReport.self, from: request, limit: 65_536)
            try await store.record(report, of: id, from: hall, address: context.remoteAddress)
            return Response(status: .noContent)
        }
    }

    /// The hall of the URL, once its bearer secret is checked.
    func authenticated(_ request: Request, _ context: HubRequestContext) async throws -> String {
        let hall = context.parameters.get("hall") ?? ""
        guard let secret = Self.bearer(request), try await store.authenticate(hall: hall, secret: secret) else { throw HubError.unknownHall }
        return hall
    }

    /// The secret of `Authorization: Bearer <secret>`.
    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        let secret = value.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
        return secret.isEmpty ? nil : secret
    }
}
