import Foundation
import HallCore
import HallStore
import Hummingbird
import NIOCore

/// The case API under `/api/cases`: open, pre-review, department reviews, notify, deliver, close,
/// lookups, the head's deadline board, the public status, and the notices. Staff get each case
/// with `stateLabel` (`IntakeResponses.LabelledCase`).
///
/// `{ref}` is a case number (`BM20261125-0001`) or, before acceptance, the case's numeric id.
struct CaseRoutes {
    let intake: IntakeService
    let notices: CaseNotices
    let content: NoticeContent

    func register(on api: RouterGroup<HallRequestContext>) {
        api.post("cases") { request, context in
            var request = request
            let body = try await request.decodeJSON(IntakeRequests.OpenCase.self, context: context)
            let clerk = try context.requirePrincipal()
            let opened = try await intake.open(
                OpenCaseRequest(
                    itemID: body.item, applicant: try body.applicant.applicant(today: intake.today()),
                    delivery: try body.delivery?.preference() ?? .windowPickup, clerk: clerk.name,
                    ticketID: body.ticketID, window: body.window))
            return try JSONResponse.make(IntakeResponses.LabelledCase(opened), status: .created)
        }
        api.get("cases") { request, context in
            var cases = try await intake.cases(states: try Self.states(request.uri.queryParameters.get("state")))
            if let owner = request.uri.queryParameters.get("owner"), !owner.isEmpty {
                let name = owner == "me" ? try context.requirePrincipal().name : owner
                cases = cases.filter { $0.owner == name }
            }
            return try JSONResponse.make(cases.map(IntakeResponses.LabelledCase.init))
        }
        api.get("cases/board") { _, _ in try JSONResponse.make(try await intake.deadlineBoard()) }
        api.get("cases/{ref}") { _, context in
            let c = try await load(context)
            return try JSONResponse.make(IntakeResponses.CaseDetail(case: .init(c), notices: try await notices.notices(for: c)))
        }
        api.get("cases/{ref}/status") { request, context in
            let ref = try context.parameters.require("ref")
            let c = try await load(context)
            // Without the key of the printed link the case does not exist (no guessing by number or id).
            let key = request.uri.queryParameters.get("k") ?? ""
            guard context.principal.map({ !$0.isDevice }) == true || content.keys.verify(key, for: c.id) else {
                throw CaseError.unknownCase(ref)
            }
            return try JSONResponse.make(c.publicSummary)
        }

        api.post("cases/{ref}/pre-review") { request, context in
            var request = request
            let body = try await request.decodeJSON(IntakeRequests.PreReview.self, context: context)
            let clerk = try context.requirePrincipal()
            let c = try await load(context)
            let report = try await intake.preReview(caseID: c.id, marks: try body.marks.map { try $0.mark() }, clerk: clerk.name)
            return try JSONResponse.make(await answer(report, clerk: clerk))
        }
        // A reviewer answers for their own department only; the head for any department (ReviewerScope).
        api.post("cases/{ref}/reviews") { request, context in
            var request = request
            let body = try await request.decodeJSON(IntakeRequests.Review.self, context: context)
            let reviewer = try context.requirePrincipal()
            let c = try await load(context)
            let names = await ReviewRoutes.departmentNames(intake, c)
            let department = try ReviewerScope.department(for: reviewer, requested: body.department) { names[$0] ?? $0 }
            do {
                return try JSONResponse.make(
                    IntakeResponses.LabelledCase(
                        try await intake.recordReview(
                            caseID: c.id, departmentID: department, decision: try body.reviewDecision(), reviewer: reviewer.name)))
            } catch CaseError.departmentNotOnCase(let ref, let id) {
                throw CaseError.departmentNotOnCase(case: ref, department: names[id] ?? id)
            }
        }
        api.post("cases/{ref}/notify") { _, context in
            let clerk = try context.requirePrincipal()
            let notified = try await intake.notifyApplicant(caseID: try await load(context).id, clerk: clerk.name)
            return try JSONResponse.make(IntakeResponses.LabelledCase(notified))
        }
        api.post("cases/{ref}/deliver") { request, context in
            let body = try await RouteSupport.optionalJSON(request, IntakeRequests.Deliver.self, context) ?? .init()
            let clerk = try context.requirePrincipal()
            let delivered = try await intake.deliver(
                caseID: try await load(context).id, trackingNumber: body.trackingNumber,
                clerk: clerk.name)
            return try JSONResponse.make(IntakeResponses.LabelledCase(delivered))
        }
        api.post("cases/{ref}/close") { _, context in
            let clerk = try context.requirePrincipal()
            let closed = try await intake.close(caseID: try await load(context).id, clerk: clerk.name)
            return try JSONResponse.make(IntakeResponses.LabelledCase(closed))
        }

        // `{kind}.pdf`: one parameter name, as the print route shares the path prefix.
        api.get("cases/{ref}/notices/{kind}") { _, context in
            let file = try context.parameters.require("kind")
            guard file.hasSuffix(".pdf") else { throw NoticeError.unknownKind(file) }
            let kind = try Self.kind(String(file.dropLast(4)))
            let (record, data) = try await notices.file(kind, for: try await load(context))
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/pdf",
                    .contentDisposition: "inline; filename=\"\(kind.rawValue)-\(record.sequence).pdf\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        api.post("cases/{ref}/notices/{kind}/print") { _, context in
            let kind = try Self.kind(try context.parameters.require("kind"))
            return try JSONResponse.make(try await notices.reprint(kind, for: try await load(context)))
        }
    }

    /// The case is already saved when this runs: a notice problem is reported, never thrown.
    /// The notice names the signed-in clerk by their display name (经办人).
    private func answer(_ report: PreReviewReport, clerk: Principal) async -> IntakeResponses.PreReview {
        let c = report.intakeCase
        var answer = IntakeResponses.PreReview(outcome: "accepted", case: .init(c), corrections: [])
        do {
            switch report.outcome {
            case .complete:
                answer.notice = try await notices.issue(
                    .acceptance, document: try content.acceptance(c, clerk: clerk.displayName),
                    for: c)
            case .incomplete(_, let corrections):
                answer.outcome = "correction_needed"
                answer.corrections = corrections
                answer.notice = try await notices.issue(
                    .correction,
                    document: try content.correction(
                        c, clerk: clerk.displayName,
                        submittedOn: intake.today()),
                    for: c)
            }
        } catch let failure as any HallFailure {
            answer.noticeError = ErrorBody(error: failure.code, message: failure.message)
        } catch {
            let full = StorageFailure(error)
            answer.noticeError = ErrorBody(
                error: full?.code ?? "notice_failed", message: full.map { "告知书未能保存：\($0.message)" } ?? "告知书生成失败：\(error)")
        }
        return answer
    }

    private func load(_ context: HallRequestContext) async throws -> Case {
        try await Self.load(context, intake)
    }

    /// The case named by the `{ref}` parameter: a case number or a numeric id.
    static func load(_ context: HallRequestContext, _ intake: IntakeService) async throws -> Case {
        try await intake.loadCase(ref: try context.parameters.require("ref"))
    }

    static func kind(_ text: String) throws -> NoticeKind {
        guard let kind = NoticeKind(rawValue: text) else { throw NoticeError.unknownKind(text) }
        return kind
    }

    /// `state=in_review,accepted`, `open` (default) or `all`.
    static func states(_ text: String?) throws -> Set<CaseState> {
        guard let text, !text.isEmpty, text != "open" else { return CaseState.open }
        if text == "all" { return Set(CaseState.allCases) }
        return Set(
            try text.split(separator: ",").map { name in
                guard let state = CaseState(rawValue: String(name)) else { throw APIError.invalidParameter(name: "state", value: String(name)) }
                return state
            })
    }
}
