import HallCore
import Hummingbird

/// Resolves who is calling from `Authorization: Bearer <token>` or the `hall_session` cookie.
/// It refuses nothing by itself (public pages stay public) except a presented token that is
/// invalid or expired, so a client learns at once that it must sign in again.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Self.token(in: request) {
            do {
                context.principal = try await accounts.principal(for: token).0
                context.presentedToken = token
            } catch let error as AccessError where Self.isPublic(request) {
                // An old cookie must not break public pages or sign-in itself.
                _ = error
            }
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty { return token }
        }
        if let cookie = request.cookies[SessionCookie.name]?.value, !cookie.isEmpty { return cookie }
        return nil
    }

    /// Reads, sign-in, device pairing and setup never fail because of a stale credential.
    static func isPublic(_ request: Request) -> Bool {
        request.method == .get || request.method == .head
            || (request.method == .post && ["/api/session", "/api/pairing", "/api/setup"].contains(request.uri.path))
    }
}
