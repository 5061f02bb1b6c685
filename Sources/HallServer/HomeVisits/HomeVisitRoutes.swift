import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The home-visit API under `/api/visits`: request, review (approve / refuse with an alternative),
/// plan document, case opened on site, outcome, receipt (printed on the portable ESC/POS printer or
/// downloaded as bytes), follow-up, quality calls and spot checks, and the head's board.
///
/// `{ref}` is a visit number (`SM20261202-01`) or its numeric id.
struct HomeVisitRoutes {
    let feature: HomeVisitsFeature

    private var visits: HomeVisitService { feature.service }

    func register(on api: RouterGroup<HallRequestContext>) {
        api.post("visits") { request, context in
            var request = request
            let body = try await request.decodeJSON(HomeVisitRequests.VisitBody.self, context: context)
            return try JSONResponse.make(
                try await visits.request(body.visitRequest, clerk: try RouteSupport.actor(context)),
                status: .created)
        }
        api.get("visits") { request, _ in
            try JSONResponse.make(try await visits.visits(states: try Self.states(request.uri.queryParameters.get("state"))))
        }
        api.get("visits/board") { _, _ in try JSONResponse.make(try await visits.board()) }
        api.get("visits/{ref}") { _, context in try JSONResponse.make(try await visits.load(try Self.ref(context))) }

        post(api, "approve", HomeVisitRequests.Approve.self) { ref, body, actor in try await visits.approve(ref, body.approval, reviewer: actor) }
        post(api, "refuse", HomeVisitRequests.Refuse.self) { ref, body, actor in
            try await visits.refuse(ref, reason: body.reason ?? "", alternative: body.alternative ?? "", reviewer: actor)
        }
        post(api, "withdraw", AppointmentRequests.Reason.self) { ref, body, actor in
            try await visits.withdraw(ref, reason: body.reason ?? "", clerk: actor)
        }
        api.get("visits/{ref}/plan") { _, context in
            let visit = try await visits.load(try Self.ref(context))
            let pdf = try feature.documents.visitPlan(visit).renderPDF()
            return Response(
                status: .ok,
                headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(visit.number).pdf\""],
                body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        }
        api.post("visits/{ref}/plan/print") { _, context in
            let visit = try await visits.load(try Self.ref(context))
            return try JSONResponse.make(
                AppointmentResponses.DocumentPrint(
                    url: "/api/visits/\(visit.number)/plan", print: try await feature.office.print(try feature.documents.visitPlan(visit))))
        }

        api.post("visits/{ref}/case") { request, context in
            let body = try await RouteSupport.optionalJSON(request, HomeVisitRequests.OpenCase.self, context)
            let (visit, opened) = try await visits.openCase(
                try Self.ref(context), idNumber: body?.idNumber,
                clerk: try RouteSupport.actor(context))
            return try JSONResponse.make(HomeVisitResponses.VisitCase(visit: visit, case: opened), status: .created)
        }
        post(api, "outcome", VisitOutcomeReport.self) { ref, body, actor in try await visits.recordOutcome(ref, body, clerk: actor) }
        api.post("visits/{ref}/receipt") { _, context in
            let visit = try await visits.recordReceipt(try Self.ref(context), clerk: try RouteSupport.actor(context))
            let sequence = visit.receipts.last?.sequence ?? 1
            let receipt = feature.receipts.document(visit, sequence: sequence, linkedCase: await linkedCase(visit))
            let print = await feature.receipts.print(receipt, jobID: "visit-\(visit.id)-receipt-\(sequence)")
            return try JSONResponse.make(HomeVisitResponses.Receipt(visit: visit, receipt: receipt, print: print), status: .created)
        }
        api.get("visits/{ref}/receipt") { request, context in
            let visit = try await visits.load(try Self.ref(context))
            guard let last = visit.receipts.last else {
                throw HomeVisitError.invalidState(visit: visit.number, state: visit.state, action: "下载回执（尚未出具回执）")
            }
            let receipt = feature.receipts.document(visit, sequence: last.sequence, linkedCase: await linkedCase(visit))
            let bytes = try feature.receipts.bytes(receipt, profileID: request.uri.queryParameters.get("profile"))
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/octet-stream",
                    .contentDisposition: "attachment; filename=\"\(visit.number)-\(last.sequence).escpos\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        post(api, "follow-ups", HomeVisitRequests.Note.self) { ref, body, actor in
            try await visits.addFollowUpNote(ref, note: body.note ?? "", clerk: actor)
        }
        post(api, "close", HomeVisitRequests.Note.self) { ref, body, actor in try await visits.close(ref, note: body.note ?? "", clerk: actor) }
        post(api, "calls", HomeVisitRequests.Call.self) { ref, body, actor in
            try await visits.recordCall(ref, outcome: body.outcome, note: body.note, by: actor)
        }
        post(api, "spot-checks", HomeVisitRequests.SpotCheckBody.self) { ref, body, actor in
            try await visits.recordSpotCheck(ref, result: body.result, note: body.note, by: actor)
        }
    }

    /// A POST on a visit: decodes `Body`, runs `action` with the visit reference and the signed-in actor,
    /// and answers the visit.
    private func post<Body: Decodable & Sendable>(
        _ api: RouterGroup<HallRequestContext>, _ path: String, _ type: Body.Type,
        _ action: @escaping @Sendable (String, Body, String) async throws -> HomeVisit
    ) {
        api.post("visits/{ref}/\(path)") { request, context in
            var request = request
            let body = try await request.decodeJSON(Body.self, context: context)
            return try JSONResponse.make(try await action(try Self.ref(context), body, try RouteSupport.actor(context)))
        }
    }

    /// The linked case once accepted: its number and keyed status path (printed on the receipt as a QR code).
    private func linkedCase(_ visit: HomeVisit) async -> (number: String, statusPath: String)? {
        guard let id = visit.caseID, let c = try? await feature.intake.loadCase(id: id), let number = c.number else { return nil }
        return (number, feature.caseKeys.statusPath(for: c))
    }

    static func ref(_ context: HallRequestContext) throws -> String { try context.parameters.require("ref") }

    /// `state=requested,approved`, `open` (default: not yet finished) or `all`.
    static func states(_ text: String?) throws -> Set<HomeVisitState> {
        guard let text, !text.isEmpty, text != "open" else { return [.requested, .approved, .followUp] }
        if text == "all" { return Set(HomeVisitState.allCases) }
        return Set(
            try text.split(separator: ",").map { name in
                guard let state = HomeVisitState(rawValue: String(name)) else { throw APIError.invalidParameter(name: "state", value: String(name)) }
                return state
            })
    }
}
