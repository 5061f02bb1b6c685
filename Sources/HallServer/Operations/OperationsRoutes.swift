import Foundation
import GRDB
import HallCore
import HallStore
import Hummingbird

/// `/healthz`, `/metrics` and `/openapi.yaml`.
struct OperationsRoutes {
    let database: HallDatabase
    let queue: QueueService
    let metrics: HallMetrics
    let hub: EventHub
    let health: HallHealth
    let publicURL: String

    struct Health: Codable, Sendable {
        var status: String
        var database: String
        var devices: [DeviceHealth]
        /// The base URL residents' QR codes point to.
        var publicURL: String
    }

    func register(on router: Router<HallRequestContext>) {
        router.get("healthz") { _, _ in
            let databaseOK = (try? await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
            let devices = await health.snapshot()
            let healthy = databaseOK && devices.allSatisfy(\.ok)
            return try JSONResponse.make(
                Health(
                    status: healthy ? "ok" : "degraded", database: databaseOK ? "ok" : "unavailable",
                    devices: devices, publicURL: publicURL),
                status: databaseOK ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { _, _ in
            if let status = try? await queue.status() {
                for q in status.services {
                    metrics.gauge("hall_queue_waiting", Double(q.waiting), dimensions: [("service", q.service.id)])
                }
                metrics.gauge("hall_windows_paused", Double(status.windows.filter(\.window.isPaused).count))
            }
            metrics.gauge("hall_event_stream_subscribers", Double(hub.subscriberCount))
            for device in await health.snapshot() {
                metrics.gauge("hall_device_up", device.ok ? 1 : 0, dimensions: [("device", device.name)])
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(string: metrics.exposition())))
        }
        router.get("openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "yaml"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                throw APIError.routeNotFound("/openapi.yaml")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: .init(string: text)))
        }
    }
}
