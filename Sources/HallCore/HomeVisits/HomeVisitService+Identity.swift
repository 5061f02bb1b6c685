import Foundation

extension HomeVisitService {
    /// Records the on-site identity check of visit `ref`: the card (`name`, `idNumber`, whether
    /// it expired) compared with the applicant. Keeps the outcome on the visit, nothing of the card.
    public func checkIdentity(
        _ ref: String, name: String, idNumber: ChineseIDNumber, expired: Bool, reader: String, clerk: String
    ) async throws -> (HomeVisit, VisitIdentityCheck) {
        let now = clock.now()
        return try await run { tx in
            let visit = try Self.find(ref, tx)
            try Self.require(visit, [.approved, .followUp], "核验身份")
            let result = VisitIdentityRules.compare(name: name, idNumber: idNumber, expired: expired, with: visit.applicant)
            let check = VisitIdentityCheck(at: now, by: clerk, result: result, reader: reader)
            var v = visit
            v.identityCheck = check
            try tx.update(v)
            return ((v, check), [])
        }
    }
}
