import Foundation

extension LedgerService {
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
                let cumulative = LedgerBalance.of(
                    name, displayName: names[name], entries: all,
                    leave: grants.filter { $0.grantedAt < monthEnd }, thresholdMinutes: threshold)
                return .init(
                    staff: name, displayName: names[name] ?? name,
                    appointmentMinutes: mine.filter { $0.kind == .appointment }.reduce(0) { $0 + $1.minutes },
                    extendedMinutes: mine.filter { $0.kind == .extended }.reduce(0) { $0 + $1.minutes },
                    entryCount: mine.count, cumulative: cumulative)
            }
            return LedgerMonthView(
                month: month, entries: entries, staff: summaries,
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

    /// One entry.
    public func entry(id: Int64) async throws -> LedgerEntry {
        try await store.read { tx in
            guard let entry = try tx.ledgerEntry(id: id) else { throw LedgerError.unknownEntry(id) }
            return entry
        }
    }
}
