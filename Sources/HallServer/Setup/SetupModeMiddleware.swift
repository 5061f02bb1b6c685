import HallCore
import Hummingbird

/// While the hall waits for first-run setup, only the setup page, its assets, `/api/setup` and
/// `/healthz` answer: every other page redirects to `/setup/`, and every other API call (and the
/// event stream, the metrics) is refused with 503 `setup_required`, so nothing of the hall is
/// reachable before it has an administrator.
struct SetupModeMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.isOpen(path) { return try await next(request, context) }
        let isPage = !(path.hasPrefix("/api/") || path.hasPrefix("/ws/") || path == "/metrics" || path == "/openapi.yaml")
        if isPage, request.method == .get || request.method == .head {
            return Response(status: .found, headers: [.location: "/setup/", .cacheControl: "no-store"])
        }
        throw SetupError.setupRequired
    }

    static func isOpen(_ path: String) -> Bool {
        path.hasPrefix("/setup/") || path.hasPrefix("/assets/") || path == "/api/setup" || path == "/healthz"
    }
}
