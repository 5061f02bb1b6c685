import HallCore
import HallStore
import Hummingbird
import Logging

/// Turns every error into `{ "error": code, "message": text }` with the right status, so a
/// client's mistake is never a bare 500 and never an empty body.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let failure as any HallFailure {
            return try Self.response(for: failure)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound where !Self.methods.contains(request.method):
                // TRACE, CONNECT and the like: no route of halld answers them, whatever the path.
                return try Self.response(for: APIError.methodNotAllowed)
            case .notFound: return try Self.response(for: APIError.routeNotFound(request.uri.path))
            case .contentTooLarge: return try Self.response(for: APIError.bodyTooLarge(limit: BodyLimit.bytes))
            case .methodNotAllowed: return try Self.response(for: APIError.methodNotAllowed)
            case .badRequest: return try Self.response(for: APIError.malformedJSON(error.body ?? "bad request"))
            default:
                return try JSONResponse.make(
                    ErrorBody(error: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase),
                    status: error.status)
            }
        } catch {
            if let full = StorageFailure(error) {
                // A full disk refused the write: nothing was kept, and the client may retry once there is space.
                context.logger.error("storage full on \(request.method) \(request.uri.path): \(error)")
                return try Self.response(for: full)
            }
            context.logger.error("unexpected error on \(request.method) \(request.uri.path): \(error)")
            return try JSONResponse.make(
                ErrorBody(error: "internal_error", message: "服务器内部错误，请联系管理员。"),
                status: .internalServerError)
        }
    }

    /// The methods halld's routes use.
    static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    static func status(for kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .tooLarge: .contentTooLarge
        case .throttled: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    static func response(for failure: any HallFailure) throws -> Response {
        var response = try JSONResponse.make(ErrorBody(error: failure.code, message: failure.message), status: status(for: failure.kind))
        if let seconds = failure.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        if failure.kind == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
