import Foundation

/// Home visits (上门服务): requests recorded by clerks (at least two working days ahead), reviewed by the
/// center within one working day (a refusal carries a reason and an alternative), approved with time,
/// place, visiting staff and materials; on site a case can be opened and a receipt issued; unfinished
/// items get a deadline and are followed up; satisfaction calls and spot checks are recorded.
public final class HomeVisitService: Sendable {
    private let store: any HomeVisitStore
    private let intake: IntakeService
    private let clock: any HallClock
    private let settings: AppointmentSettings
    private let timeZone: TimeZone
    private let sink: any HallEventSink

    public init(store: any HomeVisitStore, intake: IntakeService, clock: any HallClock, settings: AppointmentSettings,
                timeZone: TimeZone, sink: any HallEventSink) {
        self.store = store
        self.intake = intake
        self.clock = clock
        self.settings = settings
        self.timeZone = timeZone
        self.sink = sink
    }

    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    // MARK: Request and review

    /// Records a request; its review is due within the configured working days.
    public func request(_ r: VisitRequest, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let settings = settings
        let applicant = try ResidentContact.parse(name: r.applicantName, phone: r.applicantPhone, idNumber: r.applicantIDNumber,
                                                  today: today)
        let agent = try Self.agent(r)
        let note = r.eligibilityNote?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if r.eligibility == .other, note == nil { throw HomeVisitError.missingField("特殊情形的具体说明") }
        guard let address = r.address.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw HomeVisitError.missingField("上门地址")
        }
        guard let wish = r.request.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw HomeVisitError.missingField("办理诉求（群众要办什么）")
        }
        return try await run { tx in
            let item = try tx.requireCatalog().item(r.itemID)
            guard item.homeVisitEligible else { throw HomeVisitError.itemNotEligible(item.name) }
            let calendar = try tx.calendar()
            try BookingLeadTime.check(bookedOn: today, for: r.preferredDay, workingDays: settings.leadWorkingDays, calendar: calendar)
            let due = try calendar.addingWorkingDays(settings.visitReviewWorkingDays, to: today)
            let sequence = try tx.visitCount(requestedOn: today) + 1
            let number = "SM\(today.description.replacingOccurrences(of: "-", with: ""))-\(sequence < 10 ? "0" : "")\(sequence)"
            let visit = try tx.insert(HomeVisit(number: number, channel: r.channel, recordedBy: clerk, requestedAt: now,
                                                requestedOn: today, reviewDue: due, applicant: applicant, agent: agent,
                                                eligibility: r.eligibility, eligibilityNote: note, item: item, address: address,
                                                preferredDay: r.preferredDay,
                                                preferredTime: r.preferredTime?.trimmingCharacters(in: .whitespaces).nonEmpty,
                                                request: wish))
            return (visit, [Self.event(.visitRequested, visit, now, clerk,
                                       ["reviewDue": due.description, "eligibility": visit.eligibility.rawValue,
                                        "channel": visit.channel.rawValue])])
        }
    }

    /// Approves a request: time, place, visiting staff (active accounts) and the materials list.
    public func approve(_ ref: String, _ a: VisitApproval, reviewer: String) async throws -> HomeVisit {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let lead = settings.leadWorkingDays
        guard let minutes = SlotTime.minutes(a.time), minutes < 1440 else { throw HomeVisitError.badTime(a.time) }
        return try await mutate(ref, .visitApproved, reviewer) { visit, tx in
            try Self.require(visit, [.requested], "确认上门")
            let staff = try tx.dutyStaff(a.staff) { HomeVisitError.unknownStaff($0) }
            guard !staff.isEmpty else { throw HomeVisitError.noStaff }
            guard a.day >= today else { throw AppointmentError.dayPassed(a.day) }
            try BookingLeadTime.check(bookedOn: visit.requestedOn, for: a.day, workingDays: lead, calendar: try tx.calendar())
            var materials = try (a.materialIDs ?? visit.itemMaterials.map(\.id)).map { id in
                guard let m = visit.itemMaterials.first(where: { $0.id == id }) else { throw HomeVisitError.unknownMaterial(id) }
                return VisitMaterial(m)
            }
            materials += a.extraMaterials.compactMap { $0.trimmingCharacters(in: .whitespaces).nonEmpty }
                .map { VisitMaterial(name: $0, form: "", count: 1) }
            let place = a.place?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty ?? visit.address
            var v = visit
            v.plan = VisitPlan(day: a.day, time: SlotTime.text(minutes), place: place, staff: staff, materials: materials,
                               notes: a.notes?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty)
            v.review = VisitReview(by: reviewer, at: now, on: today, late: today > visit.reviewDue)
            v.state = .approved
            return (v, ["day": a.day.description, "staff": staff.map(\.username).joined(separator: ",")])
        }
    }

    /// Refuses a request; both the reason and an alternative solution are required.
    public func refuse(_ ref: String, reason: String, alternative: String, reviewer: String) async throws -> HomeVisit {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        guard let why = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else { throw HomeVisitError.reasonRequired }
        guard let instead = alternative.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw HomeVisitError.alternativeRequired
        }
        return try await mutate(ref, .visitRefused, reviewer) { visit, _ in
            try Self.require(visit, [.requested], "审核")
            var v = visit
            v.review = VisitReview(by: reviewer, at: now, on: today, late: today > visit.reviewDue, refusalReason: why,
                                   alternative: instead)
            v.state = .refused
            return (v, [:])
        }
    }

    /// The applicant withdrew before the visit.
    public func withdraw(_ ref: String, reason: String, clerk: String) async throws -> HomeVisit {
        guard let why = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw HomeVisitError.missingField("撤回原因")
        }
        return try await mutate(ref, .visitWithdrawn, clerk) { visit, _ in
            try Self.require(visit, [.requested, .approved], "撤回")
            var v = visit
            v.state = .withdrawn
            v.withdrawReason = why
            return (v, [:])
        }
    }

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
            v.outcome = VisitOutcome(at: now, on: today, by: clerk, finishedOnSite: false, summary: summary,
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

    // MARK: Quality

    /// A satisfaction follow-up call (满意度回访).
    public func recordCall(_ ref: String, outcome: SatisfactionOutcome, note: String?, by caller: String) async throws -> HomeVisit {
        let now = clock.now()
        return try await mutate(ref, .visitSatisfactionCall, caller) { visit, _ in
            try Self.require(visit, HomeVisitState.visited, "登记回访")
            var v = visit
            v.satisfactionCalls.append(SatisfactionCall(at: now, by: caller, outcome: outcome,
                                                        note: note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty))
            return (v, ["outcome": outcome.rawValue])
        }
    }

    /// A random spot check (随机抽查); problems found need a note.
    public func recordSpotCheck(_ ref: String, result: SpotCheckResult, note: String?, by checker: String) async throws -> HomeVisit {
        let now = clock.now()
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if result == .problemsFound, text == nil { throw HomeVisitError.missingField("抽查发现的问题") }
        return try await mutate(ref, .visitSpotCheck, checker) { visit, _ in
            try Self.require(visit, HomeVisitState.visited, "登记抽查")
            var v = visit
            v.spotChecks.append(SpotCheck(at: now, by: checker, result: result, note: text))
            return (v, ["result": result.rawValue])
        }
    }

    // MARK: Deadlines

    /// Running review and follow-up deadlines, overdue first.
    public func board() async throws -> [VisitDeadlineStatus] {
        let day = today()
        return try await store.read { tx in try Self.board(tx, day) }
    }

    /// Announces overdue reviews and follow-ups once each (`visit.review_overdue`, `visit.follow_up_overdue`)
    /// and returns the board. Meant to run periodically.
    @discardableResult
    public func checkDeadlines() async throws -> [VisitDeadlineStatus] {
        let now = clock.now()
        let day = LocalDay(now, in: timeZone)
        return try await run { tx in
            let board = try Self.board(tx, day)
            var events: [HallEvent] = []
            for status in board where status.level == .overdue {
                guard var v = try tx.visit(id: status.visitID) else { continue }
                switch status.kind {
                case .review:
                    guard !v.reviewOverdueAlerted else { continue }
                    v.reviewOverdueAlerted = true
                    events.append(Self.event(.visitReviewOverdue, v, now, "system", ["dueDay": status.dueDay.description]))
                case .followUp:
                    guard !v.followUpOverdueAlerted else { continue }
                    v.followUpOverdueAlerted = true
                    events.append(Self.event(.visitFollowUpOverdue, v, now, "system", ["dueDay": status.dueDay.description]))
                }
                try tx.update(v)
            }
            return (board, events)
        }
    }

    // MARK: Reading

    /// A visit by number (`SM20261202-01`) or identifier.
    public func load(_ ref: String) async throws -> HomeVisit {
        try await store.read { try Self.find(ref, $0) }
    }

    /// Visits in any of `states`, oldest first.
    public func visits(states: Set<HomeVisitState>) async throws -> [HomeVisit] {
        try await store.read { try $0.visits(states: states) }
    }

    /// Approved visits `username` goes on, from today on.
    public func duty(username: String) async throws -> [HomeVisit] {
        let day = today()
        return try await visits(states: [.approved]).filter { v in
            guard let plan = v.plan else { return false }
            return plan.day >= day && plan.staff.contains { $0.username == username }
        }
    }

    // MARK: Helpers

    private static func agent(_ r: VisitRequest) throws -> VisitAgent? {
        let name = r.agentName?.trimmingCharacters(in: .whitespaces).nonEmpty
        let relation = r.agentRelation?.trimmingCharacters(in: .whitespaces).nonEmpty
        let phone = r.agentPhone?.trimmingCharacters(in: .whitespaces).nonEmpty
        guard name != nil || relation != nil || phone != nil else { return nil }
        guard let name, let relation else { throw HomeVisitError.agentIncomplete }
        return VisitAgent(name: name, relation: relation, phone: try phone.map { try PhoneNumber($0) })
    }

    private static func require(_ v: HomeVisit, _ states: Set<HomeVisitState>, _ action: String) throws {
        guard states.contains(v.state) else { throw HomeVisitError.invalidState(visit: v.number, state: v.state, action: action) }
    }

    private static func find(_ ref: String, _ tx: any HomeVisitTransaction) throws -> HomeVisit {
        let trimmed = ref.trimmingCharacters(in: .whitespaces).uppercased()
        let found = try Int64(trimmed).flatMap { try tx.visit(id: $0) } ?? tx.visit(number: trimmed)
        guard let visit = found else { throw HomeVisitError.unknownVisit(ref) }
        return visit
    }

    private static func board(_ tx: any HomeVisitTransaction, _ day: LocalDay) throws -> [VisitDeadlineStatus] {
        let calendar = try tx.calendar()
        return try tx.visits(states: [.requested, .followUp])
            .compactMap { try VisitDeadlines.status(of: $0, today: day, calendar: calendar) }
            .sorted { ($0.level, -$0.workingDaysLeft, $0.visitID) > ($1.level, -$1.workingDaysLeft, $1.visitID) }
    }

    /// Loads the visit, lets `change` produce the new one and extra event data, stores it and logs the event.
    private func mutate(_ ref: String, _ type: EventType, _ actor: String,
                        _ change: @escaping @Sendable (HomeVisit, any HomeVisitTransaction) throws -> (HomeVisit, [String: String]))
        async throws -> HomeVisit {
        let now = clock.now()
        return try await run { tx in
            let (changed, data) = try change(try Self.find(ref, tx), tx)
            try tx.update(changed)
            return (changed, [Self.event(type, changed, now, actor, data)])
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }

    /// A visit event: identifiers, item and state — no personal data, no address.
    static func event(_ type: EventType, _ v: HomeVisit, _ at: Date, _ actor: String, _ extra: [String: String] = [:]) -> HallEvent {
        var data = ["visitID": String(v.id), "number": v.number, "itemID": v.itemID, "itemName": v.itemName,
                    "state": v.state.rawValue]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, actor: actor, data: data)
    }
}
