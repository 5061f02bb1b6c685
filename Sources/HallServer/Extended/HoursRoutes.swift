import Foundation
import HallCore
import Hummingbird

/// Opening hours and extended service:
/// `GET|PUT|DELETE /api/hours`, `GET /api/extended`, `POST /api/extended/slips`,
/// `GET /api/extended/sessions`, `POST /api/extended/absences`, `GET|POST /api/extended/replacements`.
struct HoursRoutes {
    let hall: ExtendedHoursHall
    let clock: any HallClock
    let timeZone: TimeZone

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
            let days = RouteSupport.text(request, "days").flatMap(Int.init) ?? 7
            return try JSONResponse.make(try await hall.hours.hours(days: days))
        }
        api.put("hours") { request, context in
            var request = request
            let hours = try await request.decodeJSON(OpeningHours.self, context: context)
            return try JSONResponse.make(try await hall.hours.setHours(hours, by: try RouteSupport.actor(context)))
        }
        api.delete("hours") { _, context in
            try JSONResponse.make(try await hall.hours.resetHours(by: try RouteSupport.actor(context)))
        }

        api.get("extended") { _, _ in try JSONResponse.make(try await hall.hours.status()) }
        api.post("extended/slips") { request, context in
            var request = request
            let body = try await request.decodeJSON(SlipRequest.self, context: context)
            let (estimate, hours) = try await hall.hours.estimate(ticketNumber: body.ticket.trimmingCharacters(in: .whitespaces).uppercased())
            let report = await hall.slips.print(estimate, hours: hours)
            return try JSONResponse.make(SlipAnswer(estimate: estimate, print: report))
        }
        api.get("extended/sessions") { request, _ in
            let today = LocalDay(clock.now(), in: timeZone)
            let to = try RouteSupport.day(request, "to") ?? today
            let from = try RouteSupport.day(request, "from") ?? to.adding(days: -31)
            return try JSONResponse.make(try await hall.hours.sessions(from: from, through: to))
        }
        api.post("extended/absences") { request, context in
            var request = request
            let body = try await request.decodeJSON(AbsenceRequest.self, context: context)
            let record = try await hall.hours.reportAbsence(window: body.window, reason: body.reason, clerk: try RouteSupport.actor(context))
            return try JSONResponse.make(record, status: .created)
        }
        api.get("extended/replacements") { request, _ in
            try JSONResponse.make(try await hall.hours.replacements(day: try RouteSupport.day(request, "day")))
        }
        api.post("extended/replacements") { request, context in
            var request = request
            let body = try await request.decodeJSON(ReplacementRequest.self, context: context)
            let record = try await hall.hours.assignReplacement(window: body.window, replacement: body.replacement,
                                                                absentClerk: body.absent, reason: body.reason,
                                                                by: try RouteSupport.actor(context))
            return try JSONResponse.make(record, status: .created)
        }
    }
}
