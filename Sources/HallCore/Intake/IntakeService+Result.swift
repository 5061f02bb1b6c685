import Foundation

extension IntakeService {
    // MARK: Department reviews and result

    /// Records a department's answer. When every department has answered finally, the combined
    /// result is produced in the same transaction (`case.completed`).
    public func recordReview(
        caseID: Int64, departmentID: String, decision: ReviewDecision,
        reviewer: String
    ) async throws -> Case {
        let now = clock.now()
        return try await run { tx in
            let current = try Self.load(caseID, tx)
            var changed = try CaseTransitions.review(
                current, departmentID: departmentID, decision: decision,
                reviewer: reviewer, at: now)
            var events = [
                Self.event(
                    .caseReviewed, changed, now, reviewer,
                    ["departmentID": departmentID, "decision": decision.name])
            ]
            if CaseTransitions.isReadyToCombine(changed) {
                changed = try CaseTransitions.combine(changed, at: now)
                events.append(
                    Self.event(
                        .caseCompleted, changed, now, "system",
                        ["result": changed.result?.isApproved == true ? "approved" : "rejected"]))
            }
            try tx.update(changed)
            return (changed, events)
        }
    }

    /// The applicant has been told the combined result (once).
    public func notifyApplicant(caseID: Int64, clerk: String) async throws -> Case {
        try await transition(caseID, .caseNotified, clerk) { c, now in try CaseTransitions.notify(c, at: now) }
    }

    /// The result was handed over at the window, or posted (tracking number required).
    public func deliver(caseID: Int64, trackingNumber: String? = nil, clerk: String) async throws -> Case {
        try await transition(caseID, .caseDelivered, clerk) { c, now in
            try CaseTransitions.deliver(c, trackingNumber: trackingNumber, at: now)
        } data: {
            ["method": $0.delivery.label]
        }
    }

    /// Closes a delivered case (or a rejected one once notified).
    public func close(caseID: Int64, clerk: String) async throws -> Case {
        try await transition(caseID, .caseClosed, clerk) { c, now in try CaseTransitions.close(c, at: now) }
    }

    /// Withdraws a case not yet accepted.
    public func withdraw(caseID: Int64, reason: String, clerk: String) async throws -> Case {
        try await transition(caseID, .caseWithdrawn, clerk) { c, now in
            try CaseTransitions.withdraw(c, reason: reason, at: now)
        }
    }

    /// Hands the case to another clerk, on the record.
    public func reassign(caseID: Int64, to newOwner: String, reason: String, by actor: String) async throws -> Case {
        try await transition(caseID, .caseReassigned, actor) { c, now in
            try CaseTransitions.reassign(c, to: newOwner, by: actor, reason: reason, at: now)
        } data: {
            ["from": $0.ownerChanges.last?.from ?? "", "to": $0.owner]
        }
    }
}
