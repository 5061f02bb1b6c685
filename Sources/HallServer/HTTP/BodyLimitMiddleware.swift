import Hummingbird

/// The request body limit of the server handling the current request (a task-local, so that
/// several servers with different limits can live in one process).
enum BodyLimit {
    @TaskLocal static var bytes = 1 << 20
}

/// Refuses bodies over the configured size before they are read (by `Content-Length`), and sets
/// the limit that `decodeJSON` enforces for bodies without a length.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        return try await BodyLimit.$bytes.withValue(limit) { try await next(request, context) }
    }
}
