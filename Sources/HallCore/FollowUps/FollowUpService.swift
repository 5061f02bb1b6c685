import Foundation

/// Follow-ups (事后告知结果): opened with the resident's consent, owned by a staff member, due on
/// a working day of the official calendar, closed with what the resident was told. The center
/// head sees what is due today and what is overdue; `checkOverdue` announces each overdue one once.
public final class FollowUpService: Sendable {
    private let store: any FollowUpStore
    private let accounts: any AccountStore
    private let clock: any HallClock
    private let timeZone: TimeZone
    private let settings: FollowUpSettings
    private let calendar: @Sendable () async throws -> WorkingDayCalendar
    private let sink: any HallEventSink

    public init(
        store: any FollowUpStore, accounts: any AccountStore, clock: any HallClock, timeZone: TimeZone,
        settings: FollowUpSettings, calendar: @escaping @Sendable () async throws -> WorkingDayCalendar,
        sink: any HallEventSink
    ) {
        self.store = store
        self.accounts = accounts
        self.clock = clock
        self.timeZone = timeZone
        self.settings = settings
        self.calendar = calendar
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    /// Opens a follow-up owned by `actor` (or by `request.owner` when `mayAssignOthers`).
    public func open(_ request: FollowUpRequest, by actor: String, mayAssignOthers: Bool) async throws -> FollowUp {
        guard request.consent else { throw FollowUpError.consentRequired }
        let subject = request.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw FollowUpError.subjectRequired }
        let kind = request.source.kind
        guard (1...32).contains(kind.count),
            kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw FollowUpError.badSourceKind(kind)
        }
        let phone: PhoneNumber
        do { phone = try PhoneNumber(request.contactPhone) } catch { throw FollowUpError.badPhone }
        var owner = actor
        if let wanted = request.owner?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty, wanted != actor {
            guard mayAssignOthers else { throw FollowUpError.notOwner(owner: actor) }
            guard try await accounts.account(wanted) != nil else { throw FollowUpError.unknownOwner(wanted) }
            owner = wanted
        }
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let calendar = try await calendar()
        let due: LocalDay
        if let day = request.dueDay {
            guard day >= today else { throw FollowUpError.dueInPast(day) }
            guard try calendar.isWorkingDay(day) else { throw FollowUpError.dueNotWorkingDay(day) }
            due = day
        } else {
            let n = request.dueWorkingDays ?? settings.dueWorkingDays
            guard (0...60).contains(n) else { throw FollowUpError.badDueWorkingDays(n) }
            due = try calendar.addingWorkingDays(n, to: today)
        }
        let name = request.contactName?.trimmingCharacters(in: .whitespaces).nonEmpty
        let followUp = FollowUp(
            subject: subject, source: request.source, owner: owner,
            contactName: name, contactPhone: phone, consentAt: now,
            dueDay: due, createdAt: now, createdBy: actor)
        return try await run { tx in
            let stored = try tx.insertFollowUp(followUp)
            return (stored, [Self.event(.followUpOpened, stored, now, actor)])
        }
    }

    /// Closes a follow-up: `done` (the resident was told `result`) or cancelled (`result` says why).
    /// Only its owner, or someone with `mayCloseOthers` (the head), may close it.
    public func close(id: Int64, result: String, done: Bool, by actor: String, mayCloseOthers: Bool) async throws -> FollowUp {
        let text = result.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FollowUpError.resultRequired }
        let now = clock.now()
        return try await run { tx in
            guard var followUp = try tx.followUp(id: id) else { throw FollowUpError.unknownFollowUp(id) }
            guard followUp.state == .open else { throw FollowUpError.alreadyClosed(id: id, state: followUp.state) }
            guard followUp.owner == actor || mayCloseOthers else { throw FollowUpError.notOwner(owner: followUp.owner) }
            followUp.state = done ? .done : .cancelled
            followUp.result = text
            followUp.closedAt = now
            followUp.closedBy = actor
            try tx.updateFollowUp(followUp)
            return (followUp, [Self.event(done ? .followUpDone : .followUpCancelled, followUp, now, actor)])
        }
    }

    /// Follow-ups in `states` (of `owner` only when given), each with how it stands today.
    public func list(states: Set<FollowUp.State> = [.open], owner: String? = nil) async throws -> [FollowUpListing] {
        let today = today()
        return try await store.read { tx in
            try tx.followUps(states: states, owner: owner).map { FollowUpListing($0, today: today) }
                .sorted { ($0.due, $1.followUp.dueDay, $1.followUp.id) > ($1.due, $0.followUp.dueDay, $0.followUp.id) }
        }
    }

    /// One follow-up.
    public func followUp(id: Int64) async throws -> FollowUpListing {
        let today = today()
        return try await store.read { tx in
            guard let f = try tx.followUp(id: id) else { throw FollowUpError.unknownFollowUp(id) }
            return FollowUpListing(f, today: today)
        }
    }

    /// Publishes `followup.overdue` for each open follow-up past its due day not announced yet;
    /// returns those. Meant to run periodically.
    @discardableResult
    public func checkOverdue() async throws -> [FollowUp] {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await run { tx in
            var changed: [FollowUp] = []
            for var f in try tx.followUps(states: [.open], owner: nil) where f.due(on: today) == .overdue && !f.overdueAlerted {
                f.overdueAlerted = true
                try tx.updateFollowUp(f)
                changed.append(f)
            }
            return (changed, changed.map { Self.event(.followUpOverdue, $0, now, "system") })
        }
    }

    private static func event(_ type: EventType, _ f: FollowUp, _ at: Date, _ actor: String) -> HallEvent {
        var data = [
            "followUpID": String(f.id), "owner": f.owner, "dueDay": f.dueDay.description, "sourceKind": f.source.kind,
            "state": f.state.rawValue,
        ]
        if let reference = f.source.reference { data["sourceReference"] = reference }
        return HallEvent(type: type, at: at, actor: actor, data: data)
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (any FollowUpTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}

extension FollowUpService: FollowUpSource {
    /// Open follow-ups for the head's board: the subject, the masked contact, the owner.
    public func openFollowUps() async throws -> [DueFollowUp] {
        let today = today()
        return try await store.read { tx in
            try tx.followUps(states: [.open], owner: nil).map { f in
                DueFollowUp(
                    kind: .resident, id: f.id, title: f.subject, detail: f.maskedContact.nonEmpty,
                    owners: [f.owner], dueDay: f.dueDay, today: today, closePath: "/api/follow-ups/\(f.id)/close")
            }
        }
    }
}

/// A follow-up with how it stands today and its masked contact, for lists.
public struct FollowUpListing: Codable, Sendable, Equatable {
    public var followUp: FollowUp
    public var due: FollowUpDue
    public var maskedContact: String

    public init(_ followUp: FollowUp, today: LocalDay) {
        self.followUp = followUp
        due = followUp.due(on: today)
        maskedContact = followUp.maskedContact
    }
}
