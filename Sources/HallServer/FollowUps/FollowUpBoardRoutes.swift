import HallCore
import Hummingbird

/// The center head's one list of follow-ups of every kind (告知办理结果, 差评回访, 上门服务督办):
/// `GET /api/follow-ups/due` lists those due today and overdue, `?all=1` every open one. Each kind
/// is still closed where it is kept (`closePath`), under its own rules.
struct FollowUpBoardRoutes {
    let board: FollowUpBoard

    func register(on router: Router<HallRequestContext>) {
        router.group("api").get("follow-ups/due") { request, _ in
            try JSONResponse.make(try await board.followUps(all: try RouteSupport.flag(request, "all")))
        }
    }
}
