import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The staff ledger (登记台账) and compensatory time off:
/// `GET /api/ledger?month=&staff=`, `GET /api/ledger/balances`, `GET /api/ledger/export?month=&format=csv|pdf`,
/// `POST /api/ledger/print`, `POST /api/ledger/entries`, `PATCH /api/ledger/entries/{id}`,
/// `GET|POST /api/ledger/leave`, `POST /api/ledger/leave/{id}/taken|cancel`.
/// A clerk reads only their own ledger; the head and the administrator read everyone's.
struct LedgerRoutes {
    let ledger: LedgerService
    let exports: LedgerExports
    let clock: any HallClock
    let timeZone: TimeZone

    struct EntryRequest: Decodable {
        var staff: String
        var kind: LedgerKind
        var start: Date
        var end: Date
        var note: String?
        var served: [String]?
    }

    struct AdjustRequest: Decodable {
        var minutes: Int
        var reason: String
    }

    struct LeaveRequest: Decodable {
        var staff: String
        var day: LocalDay
        var hours: Double
        var note: String?
    }

    struct CancelRequest: Decodable { var reason: String }
    struct PrintRequest: Decodable { var month: String? }

    struct PrintAnswer: Encodable {
        var month: LedgerMonth
        var print: NoticePrintReport
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("ledger") { request, context in
            try JSONResponse.make(try await ledger.month(try month(request), staff: try staff(request, context)))
        }
        api.get("ledger/balances") { request, context in
            try JSONResponse.make(try await ledger.balances(staff: try staff(request, context)))
        }
        api.get("ledger/leave") { request, context in
            try JSONResponse.make(try await ledger.leave(staff: try staff(request, context)))
        }
        api.get("ledger/export") { request, _ in
            let month = try month(request)
            let view = try await ledger.month(month, staff: RouteSupport.text(request, "staff"))
            switch RouteSupport.text(request, "format") ?? "csv" {
            case "csv":
                return file(exports.csv(view), type: "text/csv; charset=utf-8", name: "ledger-\(month).csv")
            case "pdf":
                return file(try exports.pdf(view), type: "application/pdf", name: "ledger-\(month).pdf")
            case let other:
                throw APIError.invalidParameter(name: "format", value: other)
            }
        }
        api.post("ledger/print") { request, context in
            var request = request
            let body = try await request.decodeJSON(PrintRequest.self, context: context)
            let month = try parseMonth(body.month)
            let report = try await exports.print(try await ledger.month(month))
            return try JSONResponse.make(PrintAnswer(month: month, print: report))
        }
        api.post("ledger/entries") { request, context in
            var request = request
            let body = try await request.decodeJSON(EntryRequest.self, context: context)
            let entry = try await ledger.record(
                kind: body.kind, staff: body.staff, start: body.start, end: body.end,
                note: body.note ?? "", served: body.served ?? [], source: .manual,
                by: try RouteSupport.actor(context))
            return try JSONResponse.make(entry, status: .created)
        }
        api.patch("ledger/entries/{id}") { request, context in
            var request = request
            let body = try await request.decodeJSON(AdjustRequest.self, context: context)
            return try JSONResponse.make(
                try await ledger.adjust(
                    entryID: try RouteSupport.id(context), minutes: body.minutes,
                    reason: body.reason, by: try RouteSupport.actor(context)))
        }
        api.post("ledger/leave") { request, context in
            var request = request
            let body = try await request.decodeJSON(LeaveRequest.self, context: context)
            let grant = try await ledger.grantLeave(
                staff: body.staff, day: body.day, hours: body.hours, note: body.note ?? "",
                by: try RouteSupport.actor(context))
            return try JSONResponse.make(grant, status: .created)
        }
        api.post("ledger/leave/{id}/taken") { _, context in
            try JSONResponse.make(try await ledger.markTaken(grantID: try RouteSupport.id(context), by: try RouteSupport.actor(context)))
        }
        api.post("ledger/leave/{id}/cancel") { request, context in
            var request = request
            let body = try await request.decodeJSON(CancelRequest.self, context: context)
            return try JSONResponse.make(
                try await ledger.cancelLeave(
                    grantID: try RouteSupport.id(context), reason: body.reason,
                    by: try RouteSupport.actor(context)))
        }
    }

    /// The staff member whose ledger is read: a clerk only their own.
    private func staff(_ request: Request, _ context: HallRequestContext) throws -> String? {
        let wanted = RouteSupport.text(request, "staff")
        if RouteSupport.may(context, .readLedger) { return wanted }
        let me = try RouteSupport.actor(context)
        if let wanted, wanted != me { throw LedgerError.notYourLedger }
        return me
    }

    private func month(_ request: Request) throws -> LedgerMonth {
        try parseMonth(RouteSupport.text(request, "month"))
    }

    /// `yyyy-MM`, or the current month when absent.
    private func parseMonth(_ text: String?) throws -> LedgerMonth {
        guard let text, !text.isEmpty else { return LedgerMonth(LocalDay(clock.now(), in: timeZone)) }
        guard let month = LedgerMonth(text) else { throw LedgerError.badMonth(text) }
        return month
    }

    private func file(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
