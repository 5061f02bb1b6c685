import Foundation
import HallCore
import Hummingbird

/// Everything of issue 6 on the router: the kiosk's admission check, opening hours and extended
/// service, the ledger, follow-ups. Registered before the queue routes, so the admission check
/// runs in front of `POST /api/tickets`.
struct ExtendedServiceRoutes {
    let hall: ExtendedHoursHall
    let clock: any HallClock
    let timeZone: TimeZone

    func register(on router: Router<HallRequestContext>) {
        router.add(middleware: TicketAdmissionMiddleware(hours: hall.hours))
        HoursRoutes(hall: hall, clock: clock, timeZone: timeZone).register(on: router)
        LedgerRoutes(hall: hall, clock: clock, timeZone: timeZone).register(on: router)
        FollowUpRoutes(followUps: hall.followUps).register(on: router)
    }
}

/// Small helpers the issue-6 routes share.
enum RouteSupport {
    /// The signed-in principal's name (the routes are permission-checked, so there is one).
    static func actor(_ context: HallRequestContext) throws -> String {
        guard let name = context.principal?.name else { throw AccessError.notSignedIn }
        return name
    }

    /// Whether the signed-in principal holds `permission`.
    static func may(_ context: HallRequestContext, _ permission: Permission) -> Bool {
        context.principal?.role(for: permission) != nil
    }

    /// A `yyyy-MM-dd` query parameter, nil when absent.
    static func day(_ request: Request, _ name: String) throws -> LocalDay? {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init), !text.isEmpty else { return nil }
        guard let day = LocalDay(text) else { throw APIError.invalidParameter(name: name, value: text) }
        return day
    }

    /// A text query parameter, nil when absent or empty.
    static func text(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An integer path parameter.
    static func id(_ context: HallRequestContext, _ name: String = "id") throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw APIError.invalidParameter(name: name, value: text) }
        return id
    }
}
