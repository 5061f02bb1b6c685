import HallCore
import Hummingbird

/// What each state-changing route requires. A state-changing route that is not in this table is
/// refused (deny by default), so a new route cannot be left unprotected by mistake.
enum RoutePermissions {
    enum Requirement: Equatable {
        /// Open to anyone (sign-in itself).
        case anyone
        /// Any signed-in staff member or device.
        case signedIn
        case permission(Permission)
    }

    /// Keyed by `METHOD /path/{parameter}` as the router names the endpoint.
    static let table: [String: Requirement] = [
        "POST /api/session": .anyone,
        "DELETE /api/session": .signedIn,
        "POST /api/tickets": .permission(.issueTicket),
        "POST /api/tickets/{ref}/leave": .permission(.leaveTicket),
        "POST /api/tickets/{ref}/reprint": .permission(.operateWindow),
        "POST /api/cases": .permission(.handleCase),
        "POST /api/cases/{ref}/pre-review": .permission(.handleCase),
        "POST /api/cases/{ref}/reviews": .permission(.reviewCase),
        "POST /api/cases/{ref}/notify": .permission(.handleCase),
        "POST /api/cases/{ref}/deliver": .permission(.handleCase),
        "POST /api/cases/{ref}/close": .permission(.handleCase),
        "POST /api/cases/{ref}/notices/{kind}/print": .permission(.handleCase),
        "POST /api/catalog/import": .permission(.manageCatalog),
        "POST /api/calendar/import": .permission(.manageCatalog),
        "POST /api/windows/{window}/call-next": .permission(.operateWindow),
        "POST /api/windows/{window}/call": .permission(.operateWindow),
        "POST /api/windows/{window}/recall": .permission(.operateWindow),
        "POST /api/windows/{window}/skip": .permission(.operateWindow),
        "POST /api/windows/{window}/start": .permission(.operateWindow),
        "POST /api/windows/{window}/finish": .permission(.operateWindow),
        "POST /api/windows/{window}/hold": .permission(.operateWindow),
        "POST /api/windows/{window}/resume": .permission(.operateWindow),
        "POST /api/windows/{window}/transfer": .permission(.operateWindow),
        "POST /api/windows/{window}/pause": .permission(.pauseWindow),
        "POST /api/windows/{window}/unpause": .permission(.pauseWindow),
        "POST /api/accounts": .permission(.manageAccounts),
        "PATCH /api/accounts/{username}": .permission(.manageAccounts),
        "POST /api/accounts/{username}/password": .permission(.manageAccounts),
        "POST /api/accounts/{username}/deactivate": .permission(.manageAccounts),
        "PUT /api/session/password": .permission(.changeOwnPassword),
        "POST /api/cases/{ref}/captures": .permission(.handleCase),
        "DELETE /api/cases/{ref}/captures/{id}": .permission(.handleCase),
    ]

    /// Reads that are not public.
    static let protectedReads: [String: Requirement] = [
        "GET /api/accounts": .permission(.listAccounts),
        "GET /api/audit": .permission(.readAudit),
        "GET /api/cases": .permission(.readCases),
        "GET /api/cases/board": .permission(.readCases),
        "GET /api/cases/{ref}": .permission(.readCases),
        "GET /api/cases/{ref}/notices/{kind}": .permission(.readCases),
        "GET /api/cases/{ref}/captures": .permission(.readCases),
        "GET /api/cases/{ref}/captures.pdf": .permission(.readCases),
        "GET /api/cases/{ref}/captures/{id}/image": .permission(.readCases),
        "GET /api/cases/{ref}/captures/{id}/thumbnail": .permission(.readCases),
    ]

    static func isStateChanging(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .delete || method == .patch
    }
}
