import Foundation
import Hummingbird

/// Names the two paths that `FileMiddleware` refuses with a bare 400 — broken percent-encoding and
/// `..` — so that the answer says what is wrong with the address (`invalid_path`) instead of a
/// generic bad request. Wraps `FileMiddleware` and changes nothing else.
struct PagePathGuard: RouterMiddleware {
    typealias Context = HallRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .badRequest {
            guard let decoded = request.uri.path.removingPercentEncoding else { throw APIError.invalidPath(.percentEncoding) }
            if decoded.contains("..") { throw APIError.invalidPath(.parentDirectory) }
            throw error
        }
    }
}
