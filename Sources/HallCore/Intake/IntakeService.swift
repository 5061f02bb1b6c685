import Foundation

/// Case intake's use cases (一窗受理、并联办理): open, pre-review (accept and route, or correction),
/// department reviews, combined result, notification, delivery, closure; deadlines for the head.
/// Each runs in one durable transaction; its events are published after commit.
public final class IntakeService: Sendable {
    let store: any IntakeStore
    private let clock: any HallClock
    let settings: IntakeSettings
    private let sink: any HallEventSink

    public init(store: any IntakeStore, clock: any HallClock, settings: IntakeSettings, sink: any HallEventSink) {
        self.store = store
        self.clock = clock
        self.settings = settings
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: settings.timeZone) }

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
            let opened = try tx.insert(Case(item: item, applicant: request.applicant, delivery: request.delivery,
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
                let promised = try calendar.addingWorkingDays(current.item.timeLimit.workingDays, to: day,
                                                              mode: settings.calendarMode)
                // Check the transition before spending a sequence number.
                _ = try CaseTransitions.accept(current, number: "", received: received, at: now, on: day, promised: promised)
                let number = CaseNumber.format(prefix: settings.caseNumberPrefix, day: day,
                                               sequence: try tx.nextCaseSequence(day: day))
                let accepted = try CaseTransitions.accept(current, number: number, received: received, at: now,
                                                          on: day, promised: promised)
                let routed = try CaseTransitions.route(accepted, at: now)
                try tx.update(routed)
                var acceptedData = ["promisedDay": promised.value.description,
                                    "limitWorkingDays": String(current.item.timeLimit.workingDays)]
                if promised.isProvisional { acceptedData["provisional"] = "true" }
                let events = [
                    Self.event(.caseAccepted, accepted, now, clerk, acceptedData),
                    Self.event(.caseRouted, routed, now, clerk,
                               ["departments": routed.reviews.map(\.department.id).joined(separator: ",")]),
                ]
                return (PreReviewReport(outcome: outcome, intakeCase: routed), events)
            case .incomplete(let received, let corrections):
                let deadline = try calendar.addingWorkingDays(settings.correctionWorkingDays, to: day,
                                                              mode: settings.calendarMode)
                let changed = try CaseTransitions.requestCorrection(current, received: received, corrections: corrections,
                                                                    on: day, deadline: deadline)
                try tx.update(changed)
                let event = Self.event(.caseCorrectionNeeded, changed, now, clerk,
                                       ["problems": String(corrections.count), "correctionDeadline": deadline.value.description,
                                        "round": String(changed.correctionRounds)])
                return (PreReviewReport(outcome: outcome, intakeCase: changed), [event])
            }
        }
    }

    // MARK: Department reviews and result

    /// Records a department's answer. When every department has answered finally, the combined
    /// result is produced in the same transaction (`case.completed`).
    public func recordReview(caseID: Int64, departmentID: String, decision: ReviewDecision,
                             reviewer: String) async throws -> Case {
        let now = clock.now()
        return try await run { tx in
            let current = try Self.load(caseID, tx)
            var changed = try CaseTransitions.review(current, departmentID: departmentID, decision: decision,
                                                     reviewer: reviewer, at: now)
            var events = [Self.event(.caseReviewed, changed, now, reviewer,
                                     ["departmentID": departmentID, "decision": decision.name])]
            if CaseTransitions.isReadyToCombine(changed) {
                changed = try CaseTransitions.combine(changed, at: now)
                events.append(Self.event(.caseCompleted, changed, now, "system",
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
        } data: { ["method": $0.delivery.label] }
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
        } data: { ["from": $0.ownerChanges.last?.from ?? "", "to": $0.owner] }
    }

    // MARK: Deadlines

    /// Every running case's deadline standing on today, most urgent first (for the center head).
    public func deadlineBoard() async throws -> [CaseDeadlineStatus] {
        let day = today()
        let within = settings.dueSoonWorkingDays
        return try await store.read { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            return try Self.board(tx.cases(states: CaseState.running), day, calendar, within)
        }
    }

    /// Pushes `case.due_soon` / `case.overdue` for cases that reached a new level since the last check
    /// (each level once per case), and returns the board. Meant to run periodically.
    public func checkDeadlines() async throws -> [CaseDeadlineStatus] {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let within = settings.dueSoonWorkingDays
        return try await run { tx in
            let calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            let running = try tx.cases(states: CaseState.running)
            let board = try Self.board(running, day, calendar, within)
            var events: [HallEvent] = []
            for status in board where status.level > .onTrack {
                guard var c = running.first(where: { $0.id == status.caseID }),
                      c.alerted.map({ $0 < status.level }) ?? true else { continue }
                c.alerted = status.level
                try tx.update(c)
                var data = ["promisedDay": status.promisedDay.description, "workingDaysLeft": String(status.workingDaysLeft),
                            "waitingFor": status.waitingFor.joined(separator: "、")]
                if status.isProvisional { data["provisional"] = "true" }
                events.append(Self.event(status.level == .overdue ? .caseOverdue : .caseDueSoon, c, now, "system", data))
            }
            return (board, events)
        }
    }

    // MARK: Reading

    /// A case by its identifier (full data, for staff).
    public func loadCase(id: Int64) async throws -> Case {
        try await store.read { try Self.load(id, $0) }
    }

    /// A case by its number (full data, for staff).
    public func loadCase(number: String) async throws -> Case {
        try await store.read { tx in
            guard let c = try tx.loadCase(number: number) else { throw CaseError.unknownCase(number) }
            return c
        }
    }

    /// The masked status of a case, for the public status page (QR code on notices).
    public func publicStatus(number: String) async throws -> CasePublicSummary {
        try await loadCase(number: number).publicSummary
    }

    /// Cases in any of `states`, oldest first.
    public func cases(states: Set<CaseState> = CaseState.open) async throws -> [Case] {
        try await store.read { try $0.cases(states: states) }
    }

    // MARK: Catalog and calendar

    /// The imported catalog.
    public func catalog() async throws -> Catalog {
        try await store.read { tx in
            guard let catalog = try tx.catalog() else { throw CaseError.catalogNotLoaded }
            return catalog
        }
    }

    /// The working-day calendar of every imported schedule.
    public func calendar() async throws -> WorkingDayCalendar {
        try await store.read { try WorkingDayCalendar(schedules: $0.holidaySchedules()) }
    }

    /// Validates and stores a catalog given as JSON (`hallctl catalog import`).
    public func importCatalog(_ data: Data, actor: String) async throws -> Catalog {
        let catalog = try Catalog.decode(from: data)
        let now = clock.now()
        return try await run { tx in
            try tx.save(catalog: catalog)
            let event = try tx.append(HallEvent(type: .catalogImported, at: now, actor: actor,
                                                data: ["items": String(catalog.items.count), "version": catalog.version ?? ""]))
            return (catalog, [event])
        }
    }

    /// Validates and stores a year's holiday schedule given as JSON (`hallctl calendar import`).
    /// An already imported year is refused unless `replacing`.
    public func importSchedule(_ data: Data, replacing: Bool = false, actor: String) async throws -> HolidaySchedule {
        let schedule = try HolidaySchedule.decode(from: data)
        let now = clock.now()
        return try await run { tx in
            var calendar = try WorkingDayCalendar(schedules: tx.holidaySchedules())
            try calendar.add(schedule, replacing: replacing)
            try tx.save(schedule: schedule)
            let event = try tx.append(HallEvent(type: .calendarImported, at: now, actor: actor,
                                                data: ["year": String(schedule.year), "coveredYears":
                                                        calendar.coveredYears.map(String.init).joined(separator: ",")]))
            return (schedule, [event])
        }
    }

    // MARK: Helpers

    private func transition(_ id: Int64, _ type: EventType, _ actor: String,
                            _ change: @escaping @Sendable (Case, Date) throws -> Case,
                            data: (@Sendable (Case) -> [String: String])? = nil) async throws -> Case {
        let now = clock.now()
        return try await run { tx in
            let changed = try change(try Self.load(id, tx), now)
            try tx.update(changed)
            return (changed, [Self.event(type, changed, now, actor, data?(changed) ?? [:])])
        }
    }

    /// Runs `work` in a write transaction; the events it returns are appended inside it and
    /// published after commit.
    private func run<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> (T, [HallEvent])) async throws -> T {
        let (value, events) = try await store.write { tx -> (T, [HallEvent]) in
            let (value, events) = try work(tx)
            return (value, try events.map { $0.id == 0 ? try tx.append($0) : $0 })
        }
        sink.publish(events)
        return value
    }

    private static func load(_ id: Int64, _ tx: any IntakeTransaction) throws -> Case {
        guard let c = try tx.loadCase(id: id) else { throw CaseError.unknownCase("#\(id)") }
        return c
    }

    private static func board(_ cases: [Case], _ day: LocalDay, _ calendar: WorkingDayCalendar,
                              _ within: Int) throws -> [CaseDeadlineStatus] {
        try cases.compactMap { try CaseDeadlines.status(of: $0, today: day, calendar: calendar, dueSoonWorkingDays: within) }
            .sorted { ($0.level, -$0.workingDaysLeft, $0.caseID) > ($1.level, -$1.workingDaysLeft, $1.caseID) }
    }

    /// A case event: identifiers, item and state only — no personal data.
    static func event(_ type: EventType, _ c: Case, _ at: Date, _ actor: String,
                      _ extra: [String: String] = [:]) -> HallEvent {
        var data = ["caseID": String(c.id), "itemID": c.item.id, "itemName": c.item.name, "state": c.state.rawValue,
                    "owner": c.owner]
        if let number = c.number { data["caseNumber"] = number }
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, window: c.window, actor: actor, data: data)
    }
}
