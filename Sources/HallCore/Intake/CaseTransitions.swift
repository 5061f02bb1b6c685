import Foundation

/// The case state machine as pure functions: each takes a case and returns the changed copy, or
/// throws a `CaseError`. No storage, no clock, no calendar of its own: dates come in computed.
public enum CaseTransitions {
    /// preReview/correctionNeeded → accepted, with number and promised day. A resubmission after a
    /// correction notice must come by the correction deadline.
    public static func accept(
        _ c: Case, number: String, received: [ReceivedMaterial], at now: Date, on day: LocalDay,
        promised: CalendarAnswer<LocalDay>
    ) throws -> Case {
        try requireResubmittable(c, on: day, "受理")
        var c = c
        c.state = .accepted
        c.number = number
        c.received = received
        c.corrections = []
        c.correctionDeadline = nil
        c.acceptedAt = now
        c.acceptedDay = day
        c.promisedDay = promised.value
        c.hasProvisionalDates = c.hasProvisionalDates || promised.isProvisional
        return c
    }

    /// preReview/correctionNeeded → correctionNeeded, with the complete list of problems and the
    /// deadline to correct them. A resubmission that is still incomplete gets a fresh list and deadline.
    public static func requestCorrection(
        _ c: Case, received: [ReceivedMaterial], corrections: [CorrectionItem],
        on day: LocalDay, deadline: CalendarAnswer<LocalDay>
    ) throws -> Case {
        try requireResubmittable(c, on: day, "出具补正告知")
        var c = c
        c.state = .correctionNeeded
        c.received = received
        c.corrections = corrections
        c.correctionDeadline = deadline.value
        c.correctionRounds += 1
        c.hasProvisionalDates = c.hasProvisionalDates || deadline.isProvisional
        return c
    }

    /// accepted → inReview: one pending review per department of the item, all at once.
    public static func route(_ c: Case, at now: Date) throws -> Case {
        try require(c, in: [.accepted], "分送部门")
        var c = c
        c.state = .inReview
        c.reviews = c.item.departments.map(DepartmentReview.init)
        c.routedAt = now
        return c
    }

    /// Records `departmentID`'s answer. Departments answer independently and in any order; a final
    /// answer cannot be changed; needs-inspection may be followed by a final answer.
    public static func review(
        _ c: Case, departmentID: String, decision: ReviewDecision, reviewer: String,
        at now: Date
    ) throws -> Case {
        try require(c, in: [.inReview], "登记审批结论")
        guard let index = c.reviews.firstIndex(where: { $0.department.id == departmentID }) else {
            throw CaseError.departmentNotOnCase(case: c.reference, department: departmentID)
        }
        switch decision {
        case .pending: throw CaseError.decisionRequired
        case .rejected(let reason) where reason.trimmingCharacters(in: .whitespaces).isEmpty:
            throw CaseError.rejectionReasonMissing
        case .needsInspection(let note) where note.trimmingCharacters(in: .whitespaces).isEmpty:
            throw CaseError.inspectionNoteMissing
        default: break
        }
        var c = c
        var review = c.reviews[index]
        guard !review.decision.isFinal else {
            throw CaseError.reviewAlreadyFinal(case: c.reference, department: review.department.name)
        }
        if review.decision != .pending { review.history.append(review.decision) }
        review.decision = decision
        review.reviewer = reviewer
        review.answeredAt = now
        c.reviews[index] = review
        return c
    }

    /// Whether every department has given a final answer.
    public static func isReadyToCombine(_ c: Case) -> Bool {
        c.state == .inReview && !c.reviews.isEmpty && c.reviews.allSatisfy(\.decision.isFinal)
    }

    /// inReview → decided: approved only if every department approved; otherwise rejected with every
    /// reason. Refused while a department has not answered or an inspection is pending.
    public static func combine(_ c: Case, at now: Date) throws -> Case {
        try require(c, in: [.inReview], "汇总审批结果")
        let inspecting = c.reviews.filter { if case .needsInspection = $0.decision { true } else { false } }
        guard inspecting.isEmpty else {
            throw CaseError.inspectionPending(case: c.reference, departments: inspecting.map(\.department.name))
        }
        let pending = c.reviews.filter { $0.decision == .pending }
        guard pending.isEmpty else {
            throw CaseError.reviewsPending(case: c.reference, departments: pending.map(\.department.name))
        }
        let reasons = c.reviews.compactMap { review -> DepartmentReason? in
            if case .rejected(let reason) = review.decision { return DepartmentReason(department: review.department, reason: reason) }
            return nil
        }
        var c = c
        c.state = .decided
        c.result = reasons.isEmpty ? .approved : .rejected(reasons: reasons)
        c.decidedAt = now
        return c
    }

    /// decided → notified: the applicant is told the combined result, once.
    public static func notify(_ c: Case, at now: Date) throws -> Case {
        try require(c, in: [.decided], "告知申请人")
        var c = c
        c.state = .notified
        c.notifiedAt = now
        return c
    }

    /// notified → delivered. A posted result needs its tracking number.
    public static func deliver(_ c: Case, trackingNumber: String?, at now: Date) throws -> Case {
        try require(c, in: [.notified], "出件")
        var c = c
        if case .post = c.delivery {
            let tracking = trackingNumber?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !tracking.isEmpty else { throw CaseError.trackingNumberRequired(c.reference) }
            c.trackingNumber = tracking
        }
        c.state = .delivered
        c.deliveredAt = now
        return c
    }

    /// delivered → closed; a rejected case may also close once notified.
    public static func close(_ c: Case, at now: Date) throws -> Case {
        let allowed: Set<CaseState> = c.result?.isApproved == false ? [.notified, .delivered] : [.delivered]
        try require(c, in: allowed, "办结归档")
        var c = c
        c.state = .closed
        c.closedAt = now
        return c
    }

    /// preReview/correctionNeeded → withdrawn, with the reason.
    public static func withdraw(_ c: Case, reason: String, at now: Date) throws -> Case {
        try require(c, in: [.preReview, .correctionNeeded], "撤回")
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { throw CaseError.reasonRequired("撤回") }
        var c = c
        c.state = .withdrawn
        c.withdrawalReason = reason
        c.closedAt = now
        return c
    }

    /// Hands the case to another clerk, explicitly and on the record (e.g. AB岗 cover).
    public static func reassign(_ c: Case, to clerk: String, by actor: String, reason: String, at now: Date) throws -> Case {
        try require(c, in: CaseState.open, "转交")
        let clerk = clerk.trimmingCharacters(in: .whitespaces)
        guard !clerk.isEmpty else { throw CaseError.missingClerk }
        guard clerk != c.owner else { throw CaseError.sameOwner(clerk) }
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { throw CaseError.reasonRequired("转交") }
        var c = c
        c.ownerChanges.append(OwnerChange(from: c.owner, to: clerk, by: actor, reason: reason, at: now))
        c.owner = clerk
        return c
    }

    private static func requireResubmittable(_ c: Case, on day: LocalDay, _ action: String) throws {
        try require(c, in: [.preReview, .correctionNeeded], action)
        if c.state == .correctionNeeded, let deadline = c.correctionDeadline, day > deadline {
            throw CaseError.correctionExpired(case: c.reference, deadline: deadline)
        }
    }

    private static func require(_ c: Case, in states: Set<CaseState>, _ action: String) throws {
        guard states.contains(c.state) else {
            throw CaseError.invalidTransition(case: c.reference, from: c.state, action: action)
        }
    }
}
