import Foundation

extension HomeVisitService {
    // MARK: On site

    /// Opens a case (一窗受理) for the visit, so the scanner's captures attach to it, and links it.
    /// The ID number is the applicant's on record, or `idNumber` when the request had none.
    public func openCase(_ ref: String, idNumber: String?, clerk: String) async throws -> (HomeVisit, Case) {
        let visit = try await load(ref)
        try Self.require(visit, [.approved, .followUp], "开立案件")
        if let caseID = visit.caseID { throw HomeVisitError.caseAlreadyOpened(visit: visit.number, caseID: caseID) }
        let id: ChineseIDNumber
        if let known = visit.applicant.idNumber {
            id = known
        } else if let text = idNumber?.trimmingCharacters(in: .whitespaces).nonEmpty {
            id = try ChineseIDNumber(text, notAfter: today())
        } else {
            throw HomeVisitError.idNumberRequired
        }
        let applicant = Applicant.person(PersonApplicant(name: visit.applicant.name, idNumber: id, phone: visit.applicant.phone))
        let opened = try await intake.open(OpenCaseRequest(itemID: visit.itemID, applicant: applicant, clerk: clerk))
        let linked = try await mutate(ref, .visitCaseOpened, clerk) { current, _ in
            if let caseID = current.caseID { throw HomeVisitError.caseAlreadyOpened(visit: current.number, caseID: caseID) }
            var v = current
            v.caseID = opened.id
            if v.applicant.idNumber == nil { v.applicant.idNumber = id }
            return (v, ["caseID": String(opened.id)])
        }
        return (linked, opened)
    }

    /// Records what was done on site: finished on the spot, or what remains and its deadline in
    /// working days (counted from today on the official calendar).
    public func recordOutcome(_ ref: String, _ report: VisitOutcomeReport, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let defaultDays = settings.visitFollowUpWorkingDays
        guard let summary = report.summary.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw HomeVisitError.missingField("办理情况")
        }
        let unfinished = report.unfinished?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if !report.finishedOnSite, unfinished == nil { throw HomeVisitError.missingField("未办结的事项") }
        let days = report.workingDays ?? defaultDays
        if !report.finishedOnSite, !(1...60).contains(days) { throw HomeVisitError.badWorkingDays(days) }
        let type: EventType = report.finishedOnSite ? .visitCompleted : .visitFollowUpStarted
        return try await mutate(ref, type, clerk) { visit, tx in
            try Self.require(visit, [.approved], "登记办理结果")
            if let day = visit.plan?.day, today < day { throw HomeVisitError.beforeVisitDay(day) }
            var v = visit
            if report.finishedOnSite {
                v.outcome = VisitOutcome(at: now, on: today, by: clerk, finishedOnSite: true, summary: summary)
                v.state = .completed
                return (v, [:])
            }
            let deadline = try tx.calendar().addingWorkingDays(days, to: today)
            v.outcome = VisitOutcome(
                at: now, on: today, by: clerk, finishedOnSite: false, summary: summary,
                unfinished: unfinished, workingDays: days, deadline: deadline)
            v.state = .followUp
            return (v, ["deadline": deadline.description, "workingDays": String(days)])
        }
    }

    /// Records that a receipt (回执) was issued; returns the visit with the new receipt last.
    public func recordReceipt(_ ref: String, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        return try await mutate(ref, .visitReceiptIssued, clerk) { visit, _ in
            try Self.require(visit, HomeVisitState.visited, "出具回执")
            var v = visit
            v.receipts.append(VisitReceiptRecord(sequence: visit.receipts.count + 1, at: now, by: clerk))
            return (v, ["sequence": String(v.receipts.count)])
        }
    }

    /// A note on the follow-up of an unfinished item.
    public func addFollowUpNote(_ ref: String, note: String, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        guard let text = note.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else { throw HomeVisitError.missingField("督办情况") }
        return try await mutate(ref, .visitFollowUpNoted, clerk) { visit, _ in
            try Self.require(visit, [.followUp], "登记督办情况")
            var v = visit
            v.followUps.append(VisitFollowUpNote(at: now, by: clerk, note: text))
            return (v, [:])
        }
    }

    /// Closes the follow-up once the unfinished item is done (the applicant was told the result).
    public func close(_ ref: String, note: String, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        guard let text = note.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else { throw HomeVisitError.missingField("办结情况") }
        return try await mutate(ref, .visitClosed, clerk) { visit, _ in
            try Self.require(visit, [.followUp], "办结")
            var v = visit
            v.state = .closed
            v.closedAt = now
            v.closedBy = clerk
            v.closingNote = text
            return (v, [:])
        }
    }
}
