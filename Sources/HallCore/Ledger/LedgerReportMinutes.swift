/// The ledger as the reports' source of extended-hours and appointment minutes: the entries whose
/// day falls in the report's period (adjusted minutes, voided entries count 0), per staff member.
extension LedgerService: ExtendedHoursMinutesSource {
    public func extendedHoursMinutes(days: ClosedRange<LocalDay>) async throws -> [StaffMinutes] {
        let names = try await displayNames()
        let entries = try await store.read { try $0.ledgerEntries(staff: nil, from: days.lowerBound, through: days.upperBound) }
        return Dictionary(grouping: entries, by: \.staff).keys.sorted().compactMap { staff in
            let mine = entries.filter { $0.staff == staff }
            let extended = mine.filter { $0.kind == .extended }.reduce(0) { $0 + $1.minutes }
            let appointment = mine.filter { $0.kind == .appointment }.reduce(0) { $0 + $1.minutes }
            guard extended + appointment > 0 else { return nil }
            return StaffMinutes(staff: staff, displayName: names[staff] ?? staff, minutes: extended, appointmentMinutes: appointment)
        }
    }
}
