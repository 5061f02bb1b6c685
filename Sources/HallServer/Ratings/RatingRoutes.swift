import Foundation
import HallCore
import Hummingbird

/// Ratings (好差评): the window's rating pad (`GET|POST /api/rating-pad`, device role `rating_pad`),
/// the ticket holder on the QR page (`GET|POST /api/tickets/{id}/rating` with the ticket's key),
/// and the head's ratings and follow-ups (`GET /api/ratings`, `GET /api/rating-follow-ups`,
/// `POST /api/rating-follow-ups/{id}/close`).
struct RatingRoutes {
    let ratings: RatingService
    let keys: TicketKeys
    let accounts: AccountService
    let audit: AuditLog
    let clock: any HallClock

    struct PadRating: Decodable {
        var ticket: Int64
        var level: RatingLevel
    }

    struct HolderRating: Decodable {
        var key: String
        var level: RatingLevel
    }

    struct CloseRequest: Decodable { var note: String }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("rating-pad") { _, context in
            try JSONResponse.make(try await ratings.padView(window: try padWindow(context)))
        }
        api.post("rating-pad") { request, context in
            var request = request
            let body = try await request.decodeJSON(PadRating.self, context: context)
            let receipt = try await ratings.rateAtPad(
                window: try padWindow(context), ticketID: body.ticket, level: body.level,
                device: context.principal?.name ?? "pad")
            return try JSONResponse.make(receipt, status: .created)
        }
        api.get("tickets/{ref}/rating") { request, context in
            let id = try ticketID(context)
            let key = request.uri.queryParameters.get("k") ?? ""
            return try JSONResponse.make(try await ratings.status(ticketID: id, holdsKey: !key.isEmpty && keys.verify(key, for: id)))
        }
        api.post("tickets/{ref}/rating") { request, context in
            var request = request
            let id = try ticketID(context)
            let body = try await request.decodeJSON(HolderRating.self, context: context)
            guard !body.key.isEmpty else { throw RatingError.keyMissing }
            guard keys.verify(body.key, for: id) else { throw RatingError.invalidKey }
            let receipt = try await ratings.rateAsTicketHolder(ticketID: id, level: body.level)
            // Anonymous (the ticket's key is the credential), so audited here rather than by the middleware.
            try? await audit.record(
                AuditRecord(
                    at: clock.now(), actor: "resident", role: "", action: Permission.submitRating.rawValue,
                    target: "POST \(request.uri.path)",
                    detail: ["status": "201", "ticket": receipt.rating.ticketNumber, "channel": "qr"],
                    remoteAddress: context.remoteAddress))
            return try JSONResponse.make(receipt, status: .created)
        }
        api.get("ratings") { request, _ in
            let q = request.uri.queryParameters
            let today = ratings.today()
            let from = try day(q.get("from")) ?? today
            let to = try day(q.get("to")) ?? from
            guard from <= to, from.days(to: to) <= 366 else { throw APIError.invalidParameter(name: "to", value: to.description) }
            return try JSONResponse.make(try await ratings.ratings(days: from...to))
        }
        api.get("rating-follow-ups") { request, _ in
            let state = RouteSupport.text(request, "state") ?? "all"
            guard state == "all" || state == "open" else { throw APIError.invalidParameter(name: "state", value: state) }
            return try JSONResponse.make(try await ratings.followUps(openOnly: state == "open"))
        }
        api.post("rating-follow-ups/{id}/close") { request, context in
            var request = request
            let text = try context.parameters.require("id")
            guard let id = Int64(text) else { throw APIError.invalidParameter(name: "id", value: text) }
            let body = try await request.decodeJSON(CloseRequest.self, context: context)
            return try JSONResponse.make(try await ratings.close(followUpID: id, note: body.note, actor: context.actorName ?? "head"))
        }
    }

    /// The window of the calling rating pad.
    private func padWindow(_ context: HallRequestContext) throws -> Int {
        guard let principal = context.principal, let window = accounts.ratingPadWindow(of: principal) else {
            throw RatingError.notARatingPad
        }
        return window
    }

    private func ticketID(_ context: HallRequestContext) throws -> Int64 {
        let text = try context.parameters.require("ref")
        guard let id = Int64(text), id > 0 else { throw APIError.invalidParameter(name: "ref", value: text) }
        return id
    }

    private func day(_ text: String?) throws -> LocalDay? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = LocalDay(text) else { throw APIError.invalidParameter(name: "day", value: text) }
        return day
    }
}
