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
        /// Any one of these permissions; the route narrows what the weaker one may see.
        case anyOf([Permission])
    }

    /// Keyed by `METHOD /path/{parameter}` as the router names the endpoint.
    static let table: [String: Requirement] = [
        "POST /api/session": .anyone,
        "DELETE /api/session": .signedIn,
        "POST /api/tickets": .permission(.issueTicket),
        "POST /api/tickets/{ref}/leave": .permission(.leaveTicket),
        "POST /api/tickets/{ref}/reprint": .permission(.operateWindow),
        // ID cards: a ticket and a check-in by card at the kiosk; a clerk's read at a window (audited)
        "POST /api/idcard/tickets": .permission(.issueTicket),
        "POST /api/idcard/check-in": .permission(.checkIn),
        "POST /api/idcard/read": .permission(.handleCase),
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
        // appointments and home visits
        "POST /api/appointment-slots": .permission(.manageSlots),
        "PUT /api/appointment-slots/{id}/staff": .permission(.manageSlots),
        "POST /api/appointments": .permission(.bookAppointment),
        "POST /api/appointments/check-in": .permission(.checkIn),
        "POST /api/appointments/{id}/check-in": .permission(.bookAppointment),
        "POST /api/appointments/{id}/cancel": .permission(.bookAppointment),
        "POST /api/appointments/{id}/excuse": .permission(.bookAppointment),
        "POST /api/appointments/{id}/confirmation/print": .permission(.bookAppointment),
        "POST /api/appointment-suspensions/{id}/lift": .permission(.liftSuspension),
        "POST /api/visits": .permission(.requestVisit),
        "POST /api/visits/{ref}/withdraw": .permission(.requestVisit),
        "POST /api/visits/{ref}/approve": .permission(.reviewVisit),
        "POST /api/visits/{ref}/refuse": .permission(.reviewVisit),
        "POST /api/visits/{ref}/plan/print": .permission(.handleVisit),
        "POST /api/visits/{ref}/case": .permission(.handleVisit),
        "POST /api/visits/{ref}/outcome": .permission(.handleVisit),
        "POST /api/visits/{ref}/receipt": .permission(.handleVisit),
        "POST /api/visits/{ref}/follow-ups": .permission(.handleVisit),
        "POST /api/visits/{ref}/close": .permission(.handleVisit),
        "POST /api/visits/{ref}/calls": .permission(.handleVisit),
        "POST /api/visits/{ref}/identity": .permission(.handleVisit),
        "POST /api/visits/{ref}/spot-checks": .permission(.spotCheckVisit),
        // ratings, AB posts; the QR page's rating is authorised by the ticket's key
        "POST /api/rating-pad": .permission(.submitRating),
        "POST /api/tickets/{ref}/rating": .anyone,
        "POST /api/rating-follow-ups/{id}/close": .permission(.handleFollowUp),
        "PUT /api/posts/{window}": .permission(.managePosts),
        "PUT /api/screen/notice": .permission(.manageScreenNotice),
        "PUT /api/wording/{language}/{key}": .permission(.correctWording),
        "DELETE /api/wording/{language}/{key}": .permission(.correctWording),
        "PUT /api/voice-packs/{language}/clips/{clip}": .permission(.manageVoicePacks),
        "DELETE /api/voice-packs/{language}/clips/{clip}": .permission(.manageVoicePacks),
        "POST /api/posts/{window}/away": .permission(.managePosts),
        "POST /api/posts/{window}/back": .permission(.managePosts),
        "POST /api/posts/{window}/check": .permission(.operateWindow),
        "POST /api/cases/{ref}/captures": .permission(.handleCase),
        "DELETE /api/cases/{ref}/captures/{id}": .permission(.handleCase),
        // Extended hours, ledger, follow-ups
        "PUT /api/hours": .permission(.manageHours),
        "DELETE /api/hours": .permission(.manageHours),
        "POST /api/extended/slips": .permission(.printWaitSlip),
        "POST /api/extended/absences": .permission(.reportAbsence),
        "POST /api/extended/replacements": .permission(.assignReplacement),
        "POST /api/ledger/entries": .permission(.manageLedger),
        "PATCH /api/ledger/entries/{id}": .permission(.manageLedger),
        "POST /api/ledger/print": .permission(.readLedger),
        "POST /api/ledger/leave": .permission(.grantLeave),
        "POST /api/ledger/leave/{id}/taken": .permission(.grantLeave),
        "POST /api/ledger/leave/{id}/cancel": .permission(.grantLeave),
        "POST /api/follow-ups": .permission(.manageFollowUps),
        "POST /api/follow-ups/{id}/close": .permission(.manageFollowUps),
        // First-run setup (the one-time code authorises it) and device pairing (the pairing code does)
        "POST /api/setup": .anyone,
        "POST /api/pairing": .anyone,
        "POST /api/pairing-codes": .permission(.manageDevices),
        "POST /api/paired-devices/{id}/revoke": .permission(.manageDevices),
    ]

    /// Reads that are not public.
    static let protectedReads: [String: Requirement] = [
        "GET /api/accounts": .permission(.listAccounts),
        "GET /api/staff/names": .signedIn,
        "GET /api/audit": .permission(.readAudit),
        "GET /api/wording": .permission(.correctWording),
        "GET /api/wording/{language}/catalog": .permission(.correctWording),
        "GET /api/voice-packs": .permission(.manageVoicePacks),
        "GET /api/voice-packs/{language}/clips/{clip}": .permission(.manageVoicePacks),
        "GET /api/cases": .permission(.readCases),
        "GET /api/cases/board": .permission(.readCases),
        "GET /api/cases/{ref}": .permission(.readCases),
        "GET /api/cases/{ref}/notices/{kind}": .permission(.readCases),
        // appointments and home visits
        "GET /api/appointment-slots": .permission(.readAppointments),
        "GET /api/appointment-slots/duty": .signedIn,
        "GET /api/appointment-slots/{id}": .permission(.readAppointments),
        "GET /api/appointments": .permission(.readAppointments),
        "GET /api/appointments/{id}": .permission(.readAppointments),
        "GET /api/appointments/{id}/confirmation": .permission(.readAppointments),
        "GET /api/appointment-suspensions": .permission(.readAppointments),
        "GET /api/visits": .permission(.readVisits),
        "GET /api/visits/board": .permission(.readVisits),
        "GET /api/visits/{ref}": .permission(.readVisits),
        "GET /api/visits/{ref}/plan": .permission(.readVisits),
        "GET /api/visits/{ref}/receipt": .permission(.readVisits),
        "GET /api/reviews": .permission(.reviewCase),
        "GET /api/reviews/{ref}": .permission(.reviewCase),
        // ratings, AB posts, reports
        "GET /api/rating-pad": .permission(.submitRating),
        "GET /api/ratings": .permission(.readRatings),
        "GET /api/rating-follow-ups": .permission(.readRatings),
        "GET /api/posts": .signedIn,
        "GET /api/reports/{period}": .permission(.readReports),
        // Reviewers read the pages of cases routed to their own department (checked by the route).
        "GET /api/cases/{ref}/captures": .anyOf([.readCases, .reviewCase]),
        "GET /api/cases/{ref}/captures.pdf": .anyOf([.readCases, .reviewCase]),
        "GET /api/cases/{ref}/captures/{id}/image": .anyOf([.readCases, .reviewCase]),
        "GET /api/cases/{ref}/captures/{id}/thumbnail": .anyOf([.readCases, .reviewCase]),
        // Extended hours, ledger, follow-ups
        "GET /api/extended/sessions": .permission(.readLedger),
        "GET /api/extended/replacements": .permission(.reportAbsence),
        "GET /api/ledger": .permission(.readOwnLedger),
        "GET /api/ledger/balances": .permission(.readOwnLedger),
        "GET /api/ledger/leave": .permission(.readOwnLedger),
        "GET /api/ledger/export": .permission(.readLedger),
        "GET /api/follow-ups": .permission(.readFollowUps),
        // The head's board of follow-ups of every kind
        "GET /api/follow-ups/due": .permission(.readFollowUpBoard),
        "GET /api/paired-devices": .permission(.manageDevices),
    ]

    static func isStateChanging(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .delete || method == .patch
    }
}
