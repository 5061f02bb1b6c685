import HallCore
import Hummingbird

/// The hall screen's scrolling notice: `GET /api/screen/notice` (as public as `/api/status`: the
/// screen reads it) and `PUT /api/screen/notice` (the head or the administrator, `{"text": …}`;
/// empty text removes the notice).
struct ScreenNoticeRoutes {
    let notices: ScreenNoticeService

    struct SetRequest: Decodable { var text: String }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("screen/notice") { _, _ in try JSONResponse.make(try await notices.notice()) }
        api.put("screen/notice") { request, context in
            var request = request
            let body = try await request.decodeJSON(SetRequest.self, context: context)
            return try JSONResponse.make(try await notices.set(body.text, actor: context.actorName ?? ""))
        }
    }
}
