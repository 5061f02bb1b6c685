import Foundation
import HallCore

extension IDCardFeature {
    /// A home visit's identity check on site: the card read on the staff's laptop (hallctl sends its
    /// name and number, `card`) or on the reader of the window the staff member works at (`window`),
    /// compared with the applicant. The visit keeps the outcome only; the audit log says who checked
    /// which visit, where, and the outcome — never the card's data.
    func checkVisitIdentity(
        _ ref: String, _ body: IDCardRequests.VisitIdentity, principal: Principal?, from address: String?
    ) async throws -> IDCardResponses.VisitIdentity {
        let today = tickets.today
        let name: String, number: ChineseIDNumber, expired: Bool, reader: String
        switch (body.card, body.window) {
        case (let card?, nil):
            guard let trimmed = card.name.trimmingCharacters(in: .whitespaces).nonEmpty else { throw APIError.missingField("card.name") }
            name = trimmed
            number = try ChineseIDNumber(card.idNumber, notAfter: today)
            expired = card.expired ?? false
            reader = "local"
        case (nil, let window?):
            let holder = try await holder(window: window, wait: body.wait, principal: principal, from: address)
            (name, number, expired, reader) = (holder.name, holder.idNumber, holder.isExpired(on: today), "window-\(window)")
        default:
            throw APIError.badRequest("请给出 card（本机读卡器读到的证件）或 window（在本窗口读卡器上读卡），二者选一。")
        }
        let clerk = principal?.name ?? ""
        let (visit, check) = try await visits.checkIdentity(ref, name: name, idNumber: number, expired: expired, reader: reader, clerk: clerk)
        let record = AuditRecord(
            at: check.at, actor: clerk, role: principal?.role(for: .handleVisit)?.rawValue ?? principal?.roleList ?? "",
            action: "visit.identity", target: "visit:\(visit.number)", detail: ["result": check.result.rawValue, "reader": reader],
            remoteAddress: address)
        try? await audit.record(record)
        return IDCardResponses.VisitIdentity(
            visit: visit.number, result: check.result, identifies: check.result.identifies, message: check.result.label,
            applicant: PersonalDataMask.name(visit.applicant.name), card: PersonalDataMask.name(name), idNumber: number.masked,
            checkedAt: check.at, by: clerk, reader: reader)
    }
}
