import Hummingbird

/// Reads `+` in a query string as a space, as HTML forms, `URLSearchParams` and other clients write
/// it (`application/x-www-form-urlencoded`); a literal plus arrives as `%2B`. Hummingbird decodes
/// percent escapes only, so without this `?text=请+安静` would reach the routes with its `+`.
struct FormQueryMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = request.head.path, let mark = path.firstIndex(of: "?"), path[mark...].contains("+") else {
            return try await next(request, context)
        }
        var head = request.head
        head.path = String(path[..<mark]) + path[mark...].replacingOccurrences(of: "+", with: "%20")
        return try await next(Request(head: head, body: request.body), context)
    }
}
