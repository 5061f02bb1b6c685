import Foundation
import HallCore
import Hummingbird

/// Who is signed in on a banner route, and whether they may do what the route does: every
/// banner route asks the gate first, so roles are enforced server-side.
struct BannerGate: Sendable {
    let sessions: BannerSessions

    /// The session token of the request's `hub_session` cookie.
    static func token(_ request: Request) -> String? {
        guard let value = request.cookies[BannerSessions.cookieName]?.value, !value.isEmpty, value.count <= 128 else { return nil }
        return value
    }

    /// The signed-in account, which must have `permission`.
    func require(_ permission: BannerPermission, _ request: Request) async throws -> BannerAccount {
        guard let token = Self.token(request) else { throw AccessError.notSignedIn }
        let account = try await sessions.account(token: token)
        guard account.may(permission) else { throw BannerAccessError.forbidden(permission) }
        return account
    }

    /// The `Set-Cookie` value for a session `token` (HttpOnly, SameSite=Strict, Secure over HTTPS).
    func cookie(_ token: String, context: HubRequestContext) -> String {
        "\(BannerSessions.cookieName)=\(token); Path=/; Max-Age=\(Int(sessions.policy.absoluteSeconds))\(Self.attributes(context))"
    }

    /// The `Set-Cookie` value that removes the cookie.
    func clearedCookie(context: HubRequestContext) -> String {
        "\(BannerSessions.cookieName)=; Path=/; Max-Age=0\(Self.attributes(context))"
    }

    private static func attributes(_ context: HubRequestContext) -> String {
        context.isHTTPS ? "; HttpOnly; SameSite=Strict; Secure" : "; HttpOnly; SameSite=Strict"
    }
}
