import Foundation
import HallCore
import Hummingbird

/// `POST /api/pairing-codes` (head, admin: a code for a kiosk, screen or window's rating pad),
/// `POST /api/pairing` (the device's first-run page: code → token), `GET /api/paired-devices` and
/// `POST /api/paired-devices/{id}/revoke` (head, admin).
struct PairingRoutes {
    let service: PairingService

    struct IssueRequest: Decodable {
        var kind: DeviceKind
        var window: Int?
        var name: String?
    }

    struct IssuedCode: Encodable {
        /// The six digits, shown once.
        var code: String
        var kind: DeviceKind
        var window: Int?
        var name: String
        var expiresAt: Date
        var validSeconds: Int
    }

    struct PairRequest: Decodable {
        var code: String
        /// The kind of page asking (a kiosk page refuses a rating pad's code); nil: any.
        var kind: DeviceKind?
    }

    struct Paired: Encodable {
        /// The device's token, shown once: the page keeps it in the browser's storage.
        var token: String
        var device: PairedDevice
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.post("pairing-codes") { request, context in
            var request = request
            let body = try await request.decodeJSON(IssueRequest.self, context: context)
            let (code, ticket) = try await service.issue(
                kind: body.kind, window: body.window, name: body.name, by: try context.requirePrincipal(), from: context.remoteAddress)
            return Self.noStore(
                try JSONResponse.make(
                    IssuedCode(
                        code: code, kind: ticket.kind, window: ticket.window, name: ticket.name, expiresAt: ticket.expiresAt,
                        validSeconds: Int(PairingRules.validitySeconds)),
                    status: .created))
        }
        api.post("pairing") { request, context in
            var request = request
            let body = try await request.decodeJSON(PairRequest.self, context: context)
            let (token, device) = try await service.pair(code: body.code, page: body.kind, from: context.remoteAddress)
            return Self.noStore(try JSONResponse.make(Paired(token: token, device: device), status: .created))
        }
        api.get("paired-devices") { _, _ in
            try JSONResponse.make(try await service.devices())
        }
        api.post("paired-devices/{id}/revoke") { _, context in
            let id = try context.parameters.require("id")
            guard (1...64).contains(id.count) else { throw APIError.invalidParameter(name: "id", value: String(id.prefix(64))) }
            return try JSONResponse.make(try await service.revoke(id, by: try context.requirePrincipal(), from: context.remoteAddress))
        }
    }

    /// Answers that carry a secret are not kept by any cache.
    static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
