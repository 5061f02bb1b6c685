import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The catalog and working-day calendar API; registers the case API too (`CaseRoutes`, `ReviewRoutes`).
struct IntakeRoutes {
    let intake: IntakeService
    let notices: CaseNotices
    let content: NoticeContent

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("catalog") { _, _ in try JSONResponse.make(try await intake.catalog()) }
        api.post("catalog/import") { request, context in
            let data = try await RouteSupport.rawBody(request)
            let catalog = try await intake.importCatalog(data, actor: try context.requirePrincipal().name)
            return try JSONResponse.make(IntakeResponses.Imported(items: catalog.items.count, version: catalog.version))
        }
        api.get("calendar") { _, _ in
            try JSONResponse.make(IntakeResponses.Imported(coveredYears: try await intake.calendar().coveredYears))
        }
        api.get("calendar/{year}") { _, context in
            let text = try context.parameters.require("year")
            guard let year = Int(text) else { throw APIError.invalidParameter(name: "year", value: text) }
            guard let schedule = try await intake.calendar().schedule(for: year) else { throw CalendarError.notCovered(year: year) }
            return try JSONResponse.make(schedule)
        }
        api.post("calendar/import") { request, context in
            let data = try await RouteSupport.rawBody(request)
            let replacing = try RouteSupport.flag(request, "replace")
            let schedule = try await intake.importSchedule(data, replacing: replacing, actor: try context.requirePrincipal().name)
            let covered = try await intake.calendar().coveredYears
            return try JSONResponse.make(IntakeResponses.Imported(year: schedule.year, coveredYears: covered), status: .created)
        }
        CaseRoutes(intake: intake, notices: notices, content: content).register(on: api)
        ReviewRoutes(intake: intake).register(on: api)
    }
}
