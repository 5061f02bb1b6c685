import Foundation
import HallCore
import Hummingbird

/// Follow-ups (告知办理结果): `GET /api/follow-ups?state=open|done|cancelled|all&owner=&due=1`,
/// `POST /api/follow-ups`, `POST /api/follow-ups/{id}/close`. A clerk sees and closes their own;
/// the center head sees everyone's (with `due=1`: due today and overdue) and may hand one to
/// another clerk or close it.
struct FollowUpRoutes {
    let followUps: FollowUpService

    struct CloseRequest: Decodable {
        var result: String
        /// false: cancelled (the result says why). Default true: the resident was told.
        var done: Bool?
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("follow-ups") { request, context in
            let states: Set<FollowUp.State> =
                switch RouteSupport.text(request, "state") ?? "open" {
                case "all": Set(FollowUp.State.allCases)
                case let text:
                    try Set([FollowUp.State(rawValue: text) ?? { throw APIError.invalidParameter(name: "state", value: text) }()])
                }
            var owner = RouteSupport.text(request, "owner")
            if !isHead(context) {
                let me = try RouteSupport.actor(context)
                if let owner, owner != me { throw FollowUpError.notOwner(owner: owner) }
                owner = me
            }
            var list = try await followUps.list(states: states, owner: owner)
            if try RouteSupport.flag(request, "due") { list = list.filter { $0.due >= .dueToday } }
            return try JSONResponse.make(list)
        }
        api.post("follow-ups") { request, context in
            var request = request
            let body = try await request.decodeJSON(FollowUpRequest.self, context: context)
            let opened = try await followUps.open(body, by: try RouteSupport.actor(context), mayAssignOthers: isHead(context))
            return try JSONResponse.make(FollowUpListing(opened, today: followUps.today()), status: .created)
        }
        api.post("follow-ups/{id}/close") { request, context in
            var request = request
            let body = try await request.decodeJSON(CloseRequest.self, context: context)
            let closed = try await followUps.close(
                id: try RouteSupport.id(context), result: body.result, done: body.done ?? true,
                by: try RouteSupport.actor(context), mayCloseOthers: isHead(context))
            return try JSONResponse.make(FollowUpListing(closed, today: followUps.today()))
        }
    }

    private func isHead(_ context: HallRequestContext) -> Bool { context.principal?.roles.contains(.head) == true }
}
