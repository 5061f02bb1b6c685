import Foundation

extension HomeVisitService {
    // MARK: Request and review

    /// Records a request; its review is due within the configured working days.
    public func request(_ r: VisitRequest, clerk: String) async throws -> HomeVisit {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let settings = settings
        let applicant = try ResidentContact.parse(
            name: r.applicantName, phone: r.applicantPhone, idNumber: r.applicantIDNumber,
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
            let visit = try tx.insert(
                HomeVisit(
                    number: number, channel: r.channel, recordedBy: clerk, requestedAt: now,
                    requestedOn: today, reviewDue: due, applicant: applicant, agent: agent,
                    eligibility: r.eligibility, eligibilityNote: note, item: item, address: address,
                    preferredDay: r.preferredDay,
                    preferredTime: r.preferredTime?.trimmingCharacters(in: .whitespaces).nonEmpty,
                    request: wish))
            return (
                visit,
                [
                    Self.event(
                        .visitRequested, visit, now, clerk,
                        [
                            "reviewDue": due.description, "eligibility": visit.eligibility.rawValue,
                            "channel": visit.channel.rawValue,
                        ])
                ]
            )
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
            v.plan = VisitPlan(
                day: a.day, time: SlotTime.text(minutes), place: place, staff: staff, materials: materials,
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
            v.review = VisitReview(
                by: reviewer, at: now, on: today, late: today > visit.reviewDue, refusalReason: why,
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

    /// The agent (代理人) named in the request: nil when none, refused when only partly given.
    private static func agent(_ r: VisitRequest) throws -> VisitAgent? {
        let name = r.agentName?.trimmingCharacters(in: .whitespaces).nonEmpty
        let relation = r.agentRelation?.trimmingCharacters(in: .whitespaces).nonEmpty
        let phone = r.agentPhone?.trimmingCharacters(in: .whitespaces).nonEmpty
        guard name != nil || relation != nil || phone != nil else { return nil }
        guard let name, let relation else { throw HomeVisitError.agentIncomplete }
        return VisitAgent(name: name, relation: relation, phone: try phone.map { try PhoneNumber($0) })
    }
}
