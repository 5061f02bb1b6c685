import Foundation
import HallCore
import Hummingbird
import Logging

/// Checks every state-changing request against `RoutePermissions` before it runs, and writes an
/// audit record for every one that succeeded (who, role, action, target, address, when).
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = HallRequestContext
    let audit: AuditLog
    let clock: any HallClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = context.endpointPath else { return try await next(request, context) }
        let key = "\(request.method.rawValue) \(endpoint)"
        let changing = RoutePermissions.isStateChanging(request.method)
        let requirement: RoutePermissions.Requirement
        if changing {
            guard let declared = RoutePermissions.table[key] else {
                context.logger.error("refused \(key): no permission is declared for this state-changing route")
                throw AccessError.undeclaredRoute(key)
            }
            requirement = declared
        } else if let declared = RoutePermissions.protectedReads[key] {
            requirement = declared
        } else {
            return try await next(request, context)
        }

        var role = ""
        switch requirement {
        case .anyone:
            return try await next(request, context)
        case .signedIn:
            guard let principal = context.principal else { throw AccessError.notSignedIn }
            role = principal.roleList
        case .permission(let permission):
            guard let principal = context.principal else { throw AccessError.notSignedIn }
            guard let allowed = principal.role(for: permission) else { throw AccessError.forbidden(permission) }
            role = allowed.rawValue
        case .anyOf(let permissions):
            guard let principal = context.principal else { throw AccessError.notSignedIn }
            guard let allowed = permissions.lazy.compactMap({ principal.role(for: $0) }).first else {
                throw AccessError.forbidden(permissions[0])
            }
            role = allowed.rawValue
        }

        let response = try await next(request, context)
        if changing, (200..<300).contains(response.status.code), let principal = context.principal {
            let action: String =
                switch requirement {
                case .permission(let p): p.rawValue
                default: key
                }
            let record = AuditRecord(
                at: clock.now(), actor: principal.name, role: role, action: action,
                target: "\(request.method.rawValue) \(request.uri.path)",
                detail: ["status": String(response.status.code)], remoteAddress: context.remoteAddress)
            do { try await audit.record(record) } catch {
                context.logger.error("audit record for \(key) by \(principal.name) could not be written: \(error)")
            }
        }
        return response
    }
}
