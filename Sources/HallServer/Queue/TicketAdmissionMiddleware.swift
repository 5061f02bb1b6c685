import HallCore
import Hummingbird

/// Refuses `POST /api/tickets` from a kiosk after closing time and on days the hall is closed
/// (`TicketAdmission`), with a 409 `hall_closed` whose message says when the hall opens again.
/// Staff are not refused: a clerk may issue a ticket for a resident already in the hall.
struct TicketAdmissionMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext
    let hours: ExtendedHoursService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, context.endpointPath == "/api/tickets", let principal = context.principal,
           let refusal = try await hours.refusal(issuedByDevice: principal.isDevice) {
            throw ExtendedError.hallClosed(refusal)
        }
        return try await next(request, context)
    }
}
