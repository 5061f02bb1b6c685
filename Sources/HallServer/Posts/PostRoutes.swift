import Foundation
import HallCore
import Hummingbird

/// AB posts (AB岗): `GET /api/posts` (signed-in staff), `PUT /api/posts/{window}` and
/// `POST /api/posts/{window}/away|back` (the head), `POST /api/posts/{window}/check` (a clerk
/// taking the window: their post, who is on duty, and a warning when neither A nor B; it seats
/// them there, see `WindowSeatBoard`).
struct PostRoutes {
    let posts: PostService
    let seats: WindowSeatBoard

    struct AssignRequest: Decodable {
        var a: String?
        var b: String?
    }

    struct AwayRequest: Decodable { var reason: String? }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("posts") { _, _ in try JSONResponse.make(try await posts.posts()) }
        api.put("posts/{window}") { request, context in
            var request = request
            let body = try await request.decodeJSON(AssignRequest.self, context: context)
            return try JSONResponse.make(
                try await posts.assign(
                    window: try window(context), a: body.a, b: body.b,
                    actor: context.actorName ?? ""))
        }
        api.post("posts/{window}/away") { request, context in
            // The body is optional: `{"reason": "年休假"}` or nothing.
            let data = try await RouteSupport.rawBody(request)
            let body = data.isEmpty ? AwayRequest(reason: nil) : try Self.decode(AwayRequest.self, data)
            return try JSONResponse.make(
                try await posts.setAway(
                    window: try window(context), away: true, reason: body.reason,
                    actor: context.actorName ?? ""))
        }
        api.post("posts/{window}/back") { _, context in
            try JSONResponse.make(
                try await posts.setAway(
                    window: try window(context), away: false, reason: nil,
                    actor: context.actorName ?? ""))
        }
        api.post("posts/{window}/check") { _, context in
            let username = context.actorName ?? ""
            let check = try await posts.check(window: try window(context), username: username)
            if !username.isEmpty { seats.seat(username, at: check.window) }
            return try JSONResponse.make(check)
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try HallJSON.decoder().decode(T.self, from: data) } catch { throw APIError.malformedJSON("无法解析") }
    }

    private func window(_ context: HallRequestContext) throws -> Int {
        let text = try context.parameters.require("window")
        guard let number = Int(text), number > 0 else { throw APIError.invalidParameter(name: "window", value: text) }
        return number
    }
}
