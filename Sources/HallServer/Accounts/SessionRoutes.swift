import Foundation
import HallCore
import Hummingbird

/// `POST /api/session` (sign in), `GET /api/session` (who am I), `DELETE /api/session` (sign out),
/// `PUT /api/session/password` (change one's own password).
struct SessionRoutes {
    let accounts: AccountService
    let audit: AuditLog
    let clock: any HallClock

    struct SignInRequest: Decodable { var username: String; var password: String }
    struct PasswordChange: Decodable { var currentPassword: String; var newPassword: String }

    struct SessionBody: Codable, Sendable {
        var username: String
        var displayName: String
        var roles: [Role]
        var isDevice: Bool
        var departmentID: String?
        var expiresAt: Date?
        /// Only in the answer to sign-in (for hallctl); browsers use the HttpOnly cookie.
        var token: String?
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.post("session") { request, context in
            var request = request
            let body = try await request.decodeJSON(SignInRequest.self, context: context)
            let signIn: AccountService.SignIn
            do {
                signIn = try await accounts.signIn(username: body.username, password: body.password, remoteAddress: context.remoteAddress)
            } catch let error as AccessError {
                // Audited without the password; the user name tried is kept (truncated) to spot guessing.
                try? await audit.record(
                    AuditRecord(
                        at: clock.now(), actor: String(body.username.prefix(64)), role: "",
                        action: "session.login_failed", target: "POST /api/session",
                        detail: ["reason": error.code], remoteAddress: context.remoteAddress))
                throw error
            }
            try? await audit.record(
                AuditRecord(
                    at: clock.now(), actor: signIn.principal.name, role: signIn.principal.roleList,
                    action: "session.login", target: "POST /api/session", remoteAddress: context.remoteAddress))
            let p = signIn.principal
            var response = try JSONResponse.make(
                SessionBody(
                    username: p.name, displayName: p.displayName, roles: p.roles, isDevice: false,
                    departmentID: p.departmentID, expiresAt: signIn.expiresAt, token: signIn.token),
                status: .created)
            let maxAge = Int(accounts.policy.absoluteSeconds)
            response.headers[.setCookie] = SessionCookie.set(signIn.token, maxAge: maxAge, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        api.get("session") { request, context in
            guard let token = AuthMiddleware.token(in: request) else { throw AccessError.notSignedIn }
            let (p, expiresAt) = try await accounts.principal(for: token)
            return try JSONResponse.make(
                SessionBody(
                    username: p.name, displayName: p.displayName, roles: p.roles, isDevice: p.isDevice,
                    departmentID: p.departmentID, expiresAt: expiresAt, token: nil))
        }
        api.delete("session") { _, context in
            if let token = context.presentedToken { try await accounts.signOut(token: token) }
            var response = Response(status: .noContent)
            response.headers[.setCookie] = SessionCookie.clear(context: context)
            return response
        }
        api.put("session/password") { request, context in
            var request = request
            let body = try await request.decodeJSON(PasswordChange.self, context: context)
            guard let principal = context.principal, !principal.isDevice else { throw AccessError.notSignedIn }
            _ = try await accounts.authenticate(username: principal.name, password: body.currentPassword, remoteAddress: context.remoteAddress)
            try await accounts.setPassword(principal.name, to: body.newPassword)
            var response = Response(status: .noContent)
            response.headers[.setCookie] = SessionCookie.clear(context: context)
            return response
        }
    }
}
