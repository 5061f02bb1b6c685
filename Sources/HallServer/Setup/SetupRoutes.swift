import Foundation
import HallCore
import Hummingbird
import Synchronization

/// The routes of a hall waiting for first-run setup: `GET /api/setup` (what the page offers),
/// `POST /api/setup` (complete it with the code), `GET /healthz` (`status: setup`) and
/// `/assets/hall-config.js`.
struct SetupRoutes {
    let service: SetupService
    let configuration: HallConfiguration
    /// The port actually listened on (`listen.port` may be 0), for the addresses offered.
    let boundPort: BoundPort

    struct Health: Encodable {
        var status = "setup"
        var database = "ok"
        var devices: [DeviceHealth] = []
        var publicURL: String
    }

    func register(on router: Router<HallRequestContext>) {
        router.get("api/setup") { _, _ in
            guard service.isOpen else { return try JSONResponse.make(SetupStatus(state: .done)) }
            let c = configuration.center
            return try JSONResponse.make(
                SetupStatus(
                    state: .pending,
                    center: .init(name: "", phone: "", publicBaseURL: c.publicBaseURL),
                    addresses: addresses(),
                    sample: service.catalogConfigured ? nil : .init(services: configuration.services, windows: configuration.windows),
                    catalogConfigured: service.catalogConfigured))
        }
        router.post("api/setup") { request, context in
            var request = request
            let body = try await request.decodeJSON(SetupRequest.self, context: context)
            let record = try await service.complete(body, from: context.remoteAddress)
            var response = try JSONResponse.make(
                SetupStatus(
                    state: .done, center: .init(name: record.centerName, phone: record.centerPhone, publicBaseURL: record.publicBaseURL),
                    completedAt: record.completedAt),
                status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("healthz") { _, _ in
            try JSONResponse.make(Health(publicURL: configuration.effectivePublicBaseURL))
        }
        let script = PagesFeature.script(.init(timeZone: configuration.queue.timeZoneIdentifier, center: ""))
        router.get("assets/hall-config.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: .init(string: script)))
        }
    }

    /// `http://<address>:<port>` for each of this machine's LAN addresses (the configured public
    /// address first, when there is one).
    func addresses() -> [String] {
        let port = boundPort.value ?? configuration.listen.port
        let configured = configuration.center.publicBaseURL.trimmingCharacters(in: .whitespaces)
        let lan = PublicAddress.lanAddresses().map { "http://\($0):\(port)" }
        return (configured.isEmpty ? [] : [configured]) + lan.filter { $0 != configured }
    }
}

/// The port a server listens on, once it does.
final class BoundPort: Sendable {
    private let port = Mutex<Int?>(nil)

    var value: Int? { port.withLock { $0 } }

    func set(_ value: Int) { port.withLock { $0 = value } }
}
