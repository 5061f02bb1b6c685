import Foundation
import HallCore
import Hummingbird

/// Opening hours and extended service:
/// `GET|PUT|DELETE /api/hours`, `GET /api/extended`, `POST /api/extended/slips`,
/// `GET /api/extended/sessions`, `POST /api/extended/absences`, `GET|POST /api/extended/replacements`.
struct HoursRoutes {
    let feature: ExtendedServiceFeature
    private var hours: ExtendedHoursService { feature.hours }

    struct SlipRequest: Decodable { var ticket: String }

    struct SlipAnswer: Encodable {
        var estimate: WaitEstimate
        var print: PrintReport
    }

    struct AbsenceRequest: Decodable {
        var window: Int
        var reason: String
    }

    struct ReplacementRequest: Decodable {
        var window: Int
        var replacement: String
        var absent: String?
        var reason: String?
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("hours") { request, _ in
            let days = try RouteSupport.integer(request, "days", in: 1...31, fallback: 7)
            return try JSONResponse.make(try await hours.hours(days: days))
        }
        api.put("hours") { request, context in
            var request = request
            let opening = try await request.decodeJSON(OpeningHours.self, context: context)
            return try JSONResponse.make(try await hours.setHours(opening, by: try RouteSupport.actor(context)))
        }
        api.delete("hours") { _, context in
            try JSONResponse.make(try await hours.resetHours(by: try RouteSupport.actor(context)))
        }

        api.get("extended") { _, _ in try JSONResponse.make(try await hours.status()) }
        api.post("extended/slips") { request, context in
            var request = request
            let body = try await request.decodeJSON(SlipRequest.self, context: context)
            let (estimate, hours) = try await hours.estimate(ticketNumber: body.ticket.trimmingCharacters(in: .whitespaces).uppercased())
            let report = await feature.slips.print(estimate, hours: hours)
            return try JSONResponse.make(SlipAnswer(estimate: estimate, print: report))
        }
        api.get("extended/sessions") { request, _ in
            let today = LocalDay(feature.clock.now(), in: feature.timeZone)
            let to = try RouteSupport.day(request, "to") ?? today
            let from = try RouteSupport.day(request, "from") ?? to.adding(days: -31)
            return try JSONResponse.make(try await hours.sessions(from: from, through: to))
        }
        api.post("extended/absences") { request, context in
            var request = request
            let body = try await request.decodeJSON(AbsenceRequest.self, context: context)
            let record = try await hours.reportAbsence(window: body.window, reason: body.reason, clerk: try RouteSupport.actor(context))
            return try JSONResponse.make(record, status: .created)
        }
        api.get("extended/replacements") { request, _ in
            try JSONResponse.make(try await hours.replacements(day: try RouteSupport.day(request, "day")))
        }
        api.post("extended/replacements") { request, context in
            var request = request
            let body = try await request.decodeJSON(ReplacementRequest.self, context: context)
            let record = try await hours.assignReplacement(
                window: body.window, replacement: body.replacement,
                absentClerk: body.absent, reason: body.reason,
                by: try RouteSupport.actor(context))
            return try JSONResponse.make(record, status: .created)
        }
    }
}
