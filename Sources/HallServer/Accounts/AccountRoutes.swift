import Foundation
import HallCore
import Hummingbird

/// Account management for the head and the administrator, and the audit log:
/// `GET/POST /api/accounts`, `PATCH /api/accounts/{username}`, `POST /api/accounts/{username}/password`,
/// `POST /api/accounts/{username}/deactivate`, `GET /api/audit?from=&to=&actor=`, and the display
/// names of staff for any signed-in caller (`GET /api/staff/names`).
struct AccountRoutes {
    let accounts: AccountService
    let audit: AuditLog
    let timeZone: TimeZone

    struct CreateRequest: Decodable {
        var username: String
        var displayName: String
        var roles: [Role]
        var departmentID: String?
        var password: String
    }

    struct ChangeRequest: Decodable {
        var displayName: String?
        var roles: [Role]?
        var departmentID: String?
        var isActive: Bool?
    }

    struct PasswordRequest: Decodable { var password: String }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("accounts") { _, _ in try JSONResponse.make(try await accounts.store.allAccounts()) }
        // What staff are called, for pages and hallctl that name people (经办人, 审核人, 服务人员):
        // every account's display name by user name, also of deactivated ones named in old records.
        api.get("staff/names") { _, _ in
            let all = try await accounts.store.allAccounts()
            return try JSONResponse.make(Dictionary(all.map { ($0.username, $0.displayName) }, uniquingKeysWith: { first, _ in first }))
        }
        api.post("accounts") { request, context in
            var request = request
            let body = try await request.decodeJSON(CreateRequest.self, context: context)
            let account = StaffAccount(
                username: body.username, displayName: body.displayName, roles: body.roles,
                departmentID: body.departmentID)
            try await accounts.create(account, password: body.password, by: try context.requirePrincipal())
            return try JSONResponse.make(try await accounts.store.account(account.username) ?? account, status: .created)
        }
        api.patch("accounts/{username}") { request, context in
            var request = request
            let body = try await request.decodeJSON(ChangeRequest.self, context: context)
            let username = try context.parameters.require("username")
            let account = try await accounts.update(username, by: try context.requirePrincipal()) { a in
                if let name = body.displayName { a.displayName = name }
                if let roles = body.roles { a.roles = roles }
                if let department = body.departmentID { a.departmentID = department.nonEmpty }
                if let active = body.isActive { a.isActive = active }
            }
            return try JSONResponse.make(account)
        }
        api.post("accounts/{username}/password") { request, context in
            var request = request
            let body = try await request.decodeJSON(PasswordRequest.self, context: context)
            try await accounts.setPassword(try context.parameters.require("username"), to: body.password, by: try context.requirePrincipal())
            return Response(status: .noContent)
        }
        api.post("accounts/{username}/deactivate") { _, context in
            let username = try context.parameters.require("username")
            return try JSONResponse.make(try await accounts.update(username, by: try context.requirePrincipal()) { $0.isActive = false })
        }
        api.get("audit") { request, _ in
            let q = request.uri.queryParameters
            // An instant (ISO 8601) or a local day; `to` of a day includes that whole day.
            func date(_ name: Substring, dayEnd: Bool) throws -> Date? {
                guard let text = q[name].map(String.init), !text.isEmpty else { return nil }
                if let d = Self.instant(text) { return d }
                if let day = LocalDay(text) { return (dayEnd ? day.adding(days: 1) : day).start(in: timeZone) }
                throw APIError.invalidParameter(name: String(name), value: text)
            }
            let limit = try RouteSupport.integer(request, "limit", in: 1...5000, fallback: 500)
            let query = AuditQuery(
                from: try date("from", dayEnd: false), to: try date("to", dayEnd: true),
                actor: q["actor"].map(String.init)?.nonEmpty, limit: limit)
            return try JSONResponse.make(try await audit.records(query))
        }
    }

    /// An ISO 8601 instant (RFC 3339 `date-time`), with or without fractional seconds.
    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return plain.date(from: text) ?? fractional.date(from: text)
    }
}
