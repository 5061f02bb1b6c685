import Foundation

/// The ledger of appointment and extended service (登记台账) and compensatory time off (调休).
///
/// Entries come from the queue (extended periods, computed when they end), from the appointment
/// feature (`record(kind: .appointment, …)` for duty on a slot) and from the center head. Once a
/// staff member's balance — cumulative service minus leave granted — reaches the threshold,
/// leave is owed (`ledger.leave_owed`); the head grants it for a working day, up to the balance,
/// and marks it taken on or after that day. No fee is ever involved.
///
/// Recording is here; reading (`+Reading`) and leave (`+Leave`) live in extensions.
public final class LedgerService: Sendable {
    let store: any LedgerStore
    let accounts: any AccountStore
    let clock: any HallClock
    let timeZone: TimeZone
    private let settings: LedgerSettings
    let calendar: @Sendable () async throws -> WorkingDayCalendar
    private let sink: any HallEventSink

    /// Longest single entry.
    public static let maximumHours = 16

    public init(
        store: any LedgerStore, accounts: any AccountStore, clock: any HallClock, timeZone: TimeZone,
        settings: LedgerSettings, calendar: @escaping @Sendable () async throws -> WorkingDayCalendar,
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

    public var thresholdMinutes: Int { settings.leaveThresholdMinutes }

    // MARK: Entries

    /// Records service time of `staff` from `start` to `end` (the entry point of the appointment
    /// feature, and of the head's manual entries). With `slotID` (duty on an appointment slot) the
    /// record is idempotent: when the slot's entry for `staff` exists, that entry is returned and
    /// nothing is written.
    public func record(
        kind: LedgerKind, staff: String, start: Date, end: Date, note: String, served: [String] = [],
        source: LedgerSource = .appointment, slotID: Int64? = nil, by actor: String
    ) async throws -> LedgerEntry {
        let name = staff.trimmingCharacters(in: .whitespaces)
        guard try await accounts.account(name) != nil else { throw LedgerError.unknownStaff(name) }
        guard end > start else { throw LedgerError.invalidSpan }
        guard end.timeIntervalSince(start) <= Double(Self.maximumHours) * 3600 else {
            throw LedgerError.spanTooLong(hours: Self.maximumHours)
        }
        let now = clock.now()
        let entry = LedgerEntry(
            staff: name, kind: kind, day: LocalDay(start, in: timeZone), start: start, end: end,
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
            var events = [
                HallEvent(
                    type: .ledgerAdjusted, at: now, actor: actor,
                    data: ["entryID": String(entry.id), "staff": entry.staff, "minutes": String(minutes)])
            ]
            if let owed = Self.owedEvent(before: before, after: after, at: now) { events.append(owed) }
            return (entry, events)
        }
    }

    /// Stores computed or recorded entries in `tx` and returns them with the events to log:
    /// `ledger.recorded` for each, and `ledger.leave_owed` for a staff member whose balance crossed
    /// the threshold. Shared with extended hours, which records in its own transaction.
    public static func insert(
        _ entries: [LedgerEntry], tx: any LedgerTransaction, thresholdMinutes: Int,
        at now: Date
    ) throws -> ([LedgerEntry], [HallEvent]) {
        let staff = Array(Set(entries.map(\.staff))).sorted()
        var before: [String: LedgerBalance] = [:]
        for name in staff { before[name] = try balance(name, tx: tx, threshold: thresholdMinutes) }
        var stored: [LedgerEntry] = []
        var events: [HallEvent] = []
        for entry in entries {
            let saved = try tx.insertLedgerEntry(entry)
            stored.append(saved)
            events.append(
                HallEvent(
                    type: .ledgerRecorded, at: now, actor: entry.recordedBy,
                    data: [
                        "entryID": String(saved.id), "staff": saved.staff, "kind": saved.kind.rawValue,
                        "day": saved.day.description, "minutes": String(saved.minutes),
                    ]
                    .merging(saved.slotID.map { ["slotID": String($0)] } ?? [:]) { a, _ in a }))
        }
        for name in staff {
            let after = try balance(name, tx: tx, threshold: thresholdMinutes)
            if let previous = before[name], let owed = owedEvent(before: previous, after: after, at: now) { events.append(owed) }
        }
        return (stored, events)
    }

    // MARK: Helpers

    /// Display names of every account, by username.
    func displayNames() async throws -> [String: String] {
        Dictionary(try await accounts.allAccounts().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }

    /// The current balance of `staff` as `tx` sees it.
    static func balance(_ staff: String, tx: any LedgerTransaction, threshold: Int) throws -> LedgerBalance {
        LedgerBalance.of(
            staff, entries: try tx.ledgerEntries(staff: staff, from: nil, through: nil),
            leave: try tx.leaveGrants(staff: staff), thresholdMinutes: threshold)
    }

    /// `ledger.leave_owed` when the balance just reached the threshold.
    static func owedEvent(before: LedgerBalance, after: LedgerBalance, at now: Date) -> HallEvent? {
        guard !before.owesLeave, after.owesLeave else { return nil }
        return HallEvent(
            type: .leaveOwed, at: now, actor: "system",
            data: [
                "staff": after.staff, "balanceMinutes": String(after.balanceMinutes),
                "thresholdMinutes": String(after.thresholdMinutes),
            ])
    }

    /// Runs `work` in a write transaction; its events are appended inside it and published after commit.
    func run<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }
}
