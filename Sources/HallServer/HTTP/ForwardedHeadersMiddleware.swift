import Foundation
import Hummingbird

/// Believes `X-Forwarded-For` and `X-Forwarded-Proto` only from a configured reverse proxy
/// (`listen.trustedProxies`, e.g. nginx on the same machine terminating TLS): the client's address
/// then keys sign-in throttling and the audit log, and HTTPS marks the session cookie `Secure`.
/// From any other peer the headers are ignored, so nobody on the LAN can pose as another address.
struct ForwardedHeadersMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let peer = context.remoteAddress, trustedProxies.contains(peer) else { return try await next(request, context) }
        var context = context
        // The proxy appends the address it saw last: the right-most entry is the one it vouches for.
        if let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last {
            let client = forwarded.trimmingCharacters(in: .whitespaces)
            if !client.isEmpty, client.count <= 45 { context.remoteAddress = client }
        }
        context.isHTTPS = request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
        return try await next(request, context)
    }
}
