import Foundation

/// The ledger of appointment and extended service (登记台账) and compensatory time off (调休).
///
/// Entries come from the queue (extended periods, computed when they end), from the appointment
/// feature (`record(kind: .appointment, …)` for duty on a slot) and from the center head. Once a
/// staff member's balance — cumulative service minus leave granted — reaches the threshold,
/// leave is owed (`ledger.leave_owed`); the head grants it for a working day, up to the balance,
/// and marks it taken on or after that day. No fee is ever involved.
public final class LedgerService: Sendable {
    let store: any LedgerStore
    private let accounts: any AccountStore
    private let clock: any HallClock
    private let timeZone: TimeZone
    private let settings: LedgerSettings
    private let calendar: @Sendable () async throws -> WorkingDayCalendar
    private let sink: any HallEventSink

    /// Longest single entry.
    public static let maximumHours = 16

    public init(store: any LedgerStore, accounts: any AccountStore, clock: any HallClock, timeZone: TimeZone,
                settings: LedgerSettings, calendar: @escaping @Sendable () async throws -> WorkingDayCalendar,
                sink: any HallEventSink) {
        self.store = store
        self.accounts = accounts
        self.clock = clock
        self.timeZone = timeZone
        self.settings = settings
        self.calendar = calendar
        self.sink = sink
    }

    public var thresholdMinutes: Int { settings.leaveThresholdMinutes }

    // MARK: Entries

    /// Records service time of `staff` from `start` to `end` (the entry point of the appointment
    /// feature, and of the head's manual entries). With `slotID` (duty on an appointment slot) the
    /// record is idempotent: when the slot's entry for `staff` exists, that entry is returned and
    /// nothing is written.
    public func record(kind: LedgerKind, staff: String, start: Date, end: Date, note: String, served: [String] = [],
                       source: LedgerSource = .appointment, slotID: Int64? = nil, by actor: String) async throws -> LedgerEntry {
        let name = staff.trimmingCharacters(in: .whitespaces)
        guard try await accounts.account(name) != nil else { throw LedgerError.unknownStaff(name) }
        guard end > start else { throw LedgerError.invalidSpan }
        guard end.timeIntervalSince(start) <= Double(Self.maximumHours) * 3600 else {
            throw LedgerError.spanTooLong(hours: Self.maximumHours)
        }
        let now = clock.now()
        let entry = LedgerEntry(staff: name, kind: kind, day: LocalDay(start, in: timeZone), start: start, end: end,
                                minutes: LedgerEntry.minutes(from: start, to: end), served: served,
                                note: note.trimmingCharacters(in: .whitespacesAndNewlines), source: source,
                                slotID: slotID, recordedBy: actor, recordedAt: now)
        let threshold = thresholdMinutes
        return try await run { tx in
            if let slotID, let existing = try tx.ledgerEntry(slotID: slotID, staff: name) { return (existing, []) }
            let (stored, events) = try Self.insert([entry], tx: tx, thresholdMinutes: threshold, at: now)
            return (stored[0], events)
        }
    }

    /// Corrects the minutes of an entry (0 voids it), keeping the original and the reason on record.
    public func adjust(entryID: Int64, minutes: Int, reason: String, by actor: String) async throws -> LedgerEntry {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LedgerError.reasonRequired }
        guard (0...Self.maximumHours * 60).contains(minutes) else { throw LedgerError.invalidMinutes(minutes) }
        let now = clock.now()
        let threshold = thresholdMinutes
        return try await run { tx in
            guard var entry = try tx.ledgerEntry(id: entryID) else { throw LedgerError.unknownEntry(entryID) }
            let before = try Self.balance(entry.staff, tx: tx, threshold: threshold)
            entry.adjustments.append(.init(at: now, by: actor, fromMinutes: entry.minutes, toMinutes: minutes, reason: why))
            entry.minutes = minutes
            try tx.updateLedgerEntry(entry)
            let after = try Self.balance(entry.staff, tx: tx, threshold: threshold)
            var events = [HallEvent(type: .ledgerAdjusted, at: now, actor: actor,
                                    data: ["entryID": String(entry.id), "staff": entry.staff, "minutes": String(minutes)])]
            if let owed = Self.owedEvent(before: before, after: after, at: now) { events.append(owed) }
            return (entry, events)
        }
    }

    /// Stores computed or recorded entries in `tx` and returns them with the events to log:
    /// `ledger.recorded` for each, and `ledger.leave_owed` for a staff member whose balance crossed
    /// the threshold. Shared with extended hours, which records in its own transaction.
    public static func insert(_ entries: [LedgerEntry], tx: any LedgerTransaction, thresholdMinutes: Int,
                              at now: Date) throws -> ([LedgerEntry], [HallEvent]) {
        let staff = Array(Set(entries.map(\.staff))).sorted()
        var before: [String: LedgerBalance] = [:]
        for name in staff { before[name] = try balance(name, tx: tx, threshold: thresholdMinutes) }
        var stored: [LedgerEntry] = []
        var events: [HallEvent] = []
        for entry in entries {
            let saved = try tx.insertLedgerEntry(entry)
            stored.append(saved)
            events.append(HallEvent(type: .ledgerRecorded, at: now, actor: entry.recordedBy,
                                    data: ["entryID": String(saved.id), "staff": saved.staff, "kind": saved.kind.rawValue,
                                           "day": saved.day.description, "minutes": String(saved.minutes)]
                                        .merging(saved.slotID.map { ["slotID": String($0)] } ?? [:]) { a, _ in a }))
        }
        for name in staff {
            let after = try balance(name, tx: tx, threshold: thresholdMinutes)
            if let previous = before[name], let owed = owedEvent(before: previous, after: after, at: now) { events.append(owed) }
        }
        return (stored, events)
    }

    // MARK: Reading

    /// The entries of `month` (of `staff` only when given), each staff member's month and standing.
    public func month(_ month: LedgerMonth, staff: String? = nil) async throws -> LedgerMonthView {
        let names = try await displayNames()
        let threshold = thresholdMinutes
        let monthEnd = month.lastDay.adding(days: 1).start(in: timeZone)
        return try await store.read { tx in
            let all = try tx.ledgerEntries(staff: staff, from: nil, through: month.lastDay)
            let grants = try tx.leaveGrants(staff: staff)
            let entries = all.filter { month.contains($0.day) }
            let people = Set(entries.map(\.staff)).union(grants.filter { month.contains($0.day) }.map(\.staff))
            let summaries = people.sorted().map { name -> LedgerMonthView.StaffMonth in
                let mine = entries.filter { $0.staff == name }
                let cumulative = LedgerBalance.of(name, displayName: names[name], entries: all,
                                                  leave: grants.filter { $0.grantedAt < monthEnd }, thresholdMinutes: threshold)
                return .init(staff: name, displayName: names[name] ?? name,
                             appointmentMinutes: mine.filter { $0.kind == .appointment }.reduce(0) { $0 + $1.minutes },
                             extendedMinutes: mine.filter { $0.kind == .extended }.reduce(0) { $0 + $1.minutes },
                             entryCount: mine.count, cumulative: cumulative)
            }
            return LedgerMonthView(month: month, entries: entries, staff: summaries,
                                   leave: grants.filter { month.contains($0.day) }, thresholdMinutes: threshold)
        }
    }

    /// Current balances of everyone with ledger entries or leave (of `staff` only when given).
    public func balances(staff: String? = nil) async throws -> [LedgerBalance] {
        let names = try await displayNames()
        let threshold = thresholdMinutes
        return try await store.read { tx in
            let entries = try tx.ledgerEntries(staff: staff, from: nil, through: nil)
            let grants = try tx.leaveGrants(staff: staff)
            let people = Set(entries.map(\.staff)).union(grants.map(\.staff)).union(staff.map { [$0] } ?? [])
            return people.sorted().map {
                LedgerBalance.of($0, displayName: names[$0], entries: entries, leave: grants, thresholdMinutes: threshold)
            }
        }
    }

    /// Leave grants (of `staff` only when given).
    public func leave(staff: String? = nil) async throws -> [LeaveGrant] {
        try await store.read { try $0.leaveGrants(staff: staff) }
    }

    /// One entry.
    public func entry(id: Int64) async throws -> LedgerEntry {
        try await store.read { tx in
            guard let entry = try tx.ledgerEntry(id: id) else { throw LedgerError.unknownEntry(id) }
            return entry
        }
    }

    // MARK: Compensatory time off

    /// Grants `hours` of leave on working day `day` to `staff`. Refused unless leave is owed
    /// (balance ≥ threshold) and the hours fit in the balance.
    public func grantLeave(staff: String, day: LocalDay, hours: Double, note: String, by actor: String) async throws -> LeaveGrant {
        guard hours >= 0.5, hours <= 24, (hours * 2).rounded() == hours * 2 else { throw LedgerError.invalidHours(hours) }
        guard try await accounts.account(staff) != nil else { throw LedgerError.unknownStaff(staff) }
        guard try await calendar().isWorkingDay(day) else { throw LedgerError.leaveOnDayOff(day) }
        let minutes = Int((hours * 60).rounded())
        let now = clock.now()
        let threshold = thresholdMinutes
        return try await run { tx in
            let balance = try Self.balance(staff, tx: tx, threshold: threshold)
            guard balance.owesLeave else {
                throw LedgerError.leaveNotOwed(staff: staff, balanceMinutes: balance.balanceMinutes, thresholdMinutes: threshold)
            }
            guard minutes <= balance.balanceMinutes else {
                throw LedgerError.leaveExceedsBalance(hours: hours, balanceMinutes: balance.balanceMinutes)
            }
            let grant = try tx.insertLeaveGrant(LeaveGrant(staff: staff, day: day, minutes: minutes,
                                                           note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                                                           grantedBy: actor, grantedAt: now))
            let event = HallEvent(type: .leaveGranted, at: now, actor: actor,
                                  data: ["grantID": String(grant.id), "staff": staff, "day": day.description,
                                         "minutes": String(minutes), "balanceMinutes": String(balance.balanceMinutes - minutes)])
            return (grant, [event])
        }
    }

    /// Records that granted leave was taken (on or after its day).
    public func markTaken(grantID: Int64, by actor: String) async throws -> LeaveGrant {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await changeGrant(grantID, type: .leaveTaken, by: actor) { grant in
            guard today >= grant.day else { throw LedgerError.leaveNotYetDue(grant.day) }
            grant.state = .taken
            grant.takenAt = now
            grant.takenRecordedBy = actor
        }
    }

    /// Withdraws granted leave not yet taken; its time returns to the balance.
    public func cancelLeave(grantID: Int64, reason: String, by actor: String) async throws -> LeaveGrant {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LedgerError.reasonRequired }
        let now = clock.now()
        return try await changeGrant(grantID, type: .leaveCancelled, by: actor) { grant in
            grant.state = .cancelled
            grant.cancelledAt = now
            grant.cancelledBy = actor
            grant.note = grant.note.isEmpty ? "撤销：\(why)" : "\(grant.note)；撤销：\(why)"
        }
    }

    // MARK: Helpers

    private func changeGrant(_ id: Int64, type: EventType, by actor: String,
                             _ change: @escaping @Sendable (inout LeaveGrant) throws -> Void) async throws -> LeaveGrant {
        let now = clock.now()
        return try await run { tx in
            guard var grant = try tx.leaveGrant(id: id) else { throw LedgerError.unknownGrant(id) }
            guard grant.state == .granted else { throw LedgerError.grantNotPending(id: id, state: grant.state) }
            try change(&grant)
            try tx.updateLeaveGrant(grant)
            return (grant, [HallEvent(type: type, at: now, actor: actor,
                                      data: ["grantID": String(id), "staff": grant.staff, "day": grant.day.description,
                                             "minutes": String(grant.minutes)])])
        }
    }

    func displayNames() async throws -> [String: String] {
        Dictionary(try await accounts.allAccounts().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }

    static func balance(_ staff: String, tx: any LedgerTransaction, threshold: Int) throws -> LedgerBalance {
        LedgerBalance.of(staff, entries: try tx.ledgerEntries(staff: staff, from: nil, through: nil),
                         leave: try tx.leaveGrants(staff: staff), thresholdMinutes: threshold)
    }

    static func owedEvent(before: LedgerBalance, after: LedgerBalance, at now: Date) -> HallEvent? {
        guard !before.owesLeave, after.owesLeave else { return nil }
        return HallEvent(type: .leaveOwed, at: now, actor: "system",
                         data: ["staff": after.staff, "balanceMinutes": String(after.balanceMinutes),
                                "thresholdMinutes": String(after.thresholdMinutes)])
    }

    /// Runs `work` in a write transaction; its events are appended inside it and published after commit.
    private func run<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}
