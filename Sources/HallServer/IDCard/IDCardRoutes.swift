import Foundation
import HallCore
import HallIDCard
import Hummingbird

/// The ID card API: `GET /api/idcard/readers` (state of the readers), `POST /api/idcard/tickets`
/// (the kiosk: a ticket by card), `POST /api/idcard/check-in` (the kiosk, or a clerk at their
/// window: a booking checked in by card), `POST /api/idcard/read` (a clerk: the card on the reader
/// of the window they work at, for the case form; audited) and `POST /api/visits/{ref}/identity`
/// (a home visit's identity check: the card compared with the applicant, the outcome kept).
/// Permissions are in `RoutePermissions`.
struct IDCardRoutes {
    let feature: IDCardFeature

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api/idcard")
        api.get("readers") { _, _ in try JSONResponse.make(feature.readers.statuses()) }
        api.post("tickets") { request, context in
            var request = request
            let body = try await request.decodeJSON(IDCardRequests.Ticket.self, context: context)
            return try JSONResponse.make(try await feature.ticket(service: body.service, wait: body.wait, by: context.principal), status: .created)
        }
        api.post("check-in") { request, context in
            let body = try await RouteSupport.optionalJSON(request, IDCardRequests.CheckIn.self, context)
            return try JSONResponse.make(
                try await feature.checkIn(window: body?.window, wait: body?.wait, principal: context.principal, from: context.remoteAddress),
                status: .created)
        }
        api.post("read") { request, context in
            var request = request
            let body = try await request.decodeJSON(IDCardRequests.Read.self, context: context)
            var response = try JSONResponse.make(
                try await feature.read(window: body.window, wait: body.wait, principal: context.principal, from: context.remoteAddress))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.group("api/visits").post("{ref}/identity") { request, context in
            var request = request
            let body = try await request.decodeJSON(IDCardRequests.VisitIdentity.self, context: context)
            let ref = try context.parameters.require("ref")
            return try JSONResponse.make(
                try await feature.checkVisitIdentity(ref, body, principal: context.principal, from: context.remoteAddress))
        }
    }
}
