import Foundation

extension IntakeService {
    // MARK: Opening and pre-review

    /// Opens a case in pre-review; the clerk becomes its owner.
    public func open(_ request: OpenCaseRequest) async throws -> Case {
        let clerk = request.clerk.trimmingCharacters(in: .whitespaces)
        guard !clerk.isEmpty else { throw CaseError.missingClerk }
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        return try await run { tx in
            guard let catalog = try tx.catalog() else { throw CaseError.catalogNotLoaded }
            let item = try catalog.item(request.itemID)
            let opened = try tx.insert(
                Case(
                    item: item, applicant: request.applicant, delivery: request.delivery,
                    owner: clerk, ticketID: request.ticketID, window: request.window,
                    openedAt: now, openedDay: day))
            return (opened, [Self.event(.caseOpened, opened, now, clerk)])
        }
    }

    /// Checks the materials handed in (first time, or a resubmission after a correction notice).
    /// Complete → accepted with a case number and promised day, and routed at once to every
    /// department. Incomplete → correction needed with every problem and a correction deadline.
    /// - Throws: `CalendarError.notCovered` when a date runs past the imported years and provisional
    ///   dates are not allowed; nothing is stored then.
    public func preReview(caseID: Int64, marks: [MaterialMark], clerk: String) async throws -> PreReviewReport {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let settings = settings
        return try await run { tx -> (PreReviewReport, [HallEvent]) in
            let current = try Self.load(caseID, tx)
            let outcome = try PreReview.evaluate(current.item, marks: marks)
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            switch outcome {
            case .complete(let received):
                let promised = try calendar.addingWorkingDays(
                    current.item.timeLimit.workingDays, to: day,
                    mode: settings.calendarMode)
                // Check the transition before spending a sequence number.
                _ = try CaseTransitions.accept(current, number: "", received: received, at: now, on: day, promised: promised)
                let number = CaseNumber.format(
                    prefix: settings.caseNumberPrefix, day: day,
                    sequence: try tx.nextCaseSequence(day: day))
                let accepted = try CaseTransitions.accept(
                    current, number: number, received: received, at: now,
                    on: day, promised: promised)
                let routed = try CaseTransitions.route(accepted, at: now)
                try tx.update(routed)
                var acceptedData = [
                    "promisedDay": promised.value.description,
                    "limitWorkingDays": String(current.item.timeLimit.workingDays),
                ]
                if promised.isProvisional { acceptedData["provisional"] = "true" }
                let events = [
                    Self.event(.caseAccepted, accepted, now, clerk, acceptedData),
                    Self.event(
                        .caseRouted, routed, now, clerk,
                        ["departments": routed.reviews.map(\.department.id).joined(separator: ",")]),
                ]
                return (PreReviewReport(outcome: outcome, intakeCase: routed), events)
            case .incomplete(let received, let corrections):
                let deadline = try calendar.addingWorkingDays(
                    settings.correctionWorkingDays, to: day,
                    mode: settings.calendarMode)
                let changed = try CaseTransitions.requestCorrection(
                    current, received: received, corrections: corrections,
                    on: day, deadline: deadline)
                try tx.update(changed)
                let event = Self.event(
                    .caseCorrectionNeeded, changed, now, clerk,
                    [
                        "problems": String(corrections.count), "correctionDeadline": deadline.value.description,
                        "round": String(changed.correctionRounds),
                    ])
                return (PreReviewReport(outcome: outcome, intakeCase: changed), [event])
            }
        }
    }
}
