import Foundation

/// What the ledger needs from storage, inside one transaction. The core owns this protocol; the
/// SQLite store implements it.
public protocol LedgerTransaction {
    /// Entries of `staff` (everyone when nil) with a day in `from…through` (open ends when nil),
    /// ordered by day and start.
    func ledgerEntries(staff: String?, from: LocalDay?, through: LocalDay?) throws -> [LedgerEntry]
    func ledgerEntry(id: Int64) throws -> LedgerEntry?
    /// The entry recording `staff`'s duty on appointment slot `slotID`, if there is one.
    func ledgerEntry(slotID: Int64, staff: String) throws -> LedgerEntry?
    /// Stores a new entry and returns it with its identifier.
    func insertLedgerEntry(_ entry: LedgerEntry) throws -> LedgerEntry
    func updateLedgerEntry(_ entry: LedgerEntry) throws
    /// Leave grants of `staff` (everyone when nil), in order of their day.
    func leaveGrants(staff: String?) throws -> [LeaveGrant]
    func leaveGrant(id: Int64) throws -> LeaveGrant?
    func insertLeaveGrant(_ grant: LeaveGrant) throws -> LeaveGrant
    func updateLeaveGrant(_ grant: LeaveGrant) throws
    /// Appends an event to the log and returns it with its position.
    func append(_ event: HallEvent) throws -> HallEvent
}

/// Runs ledger work in durable transactions: when `write` returns, the change is on disk.
public protocol LedgerStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any LedgerTransaction) throws -> T) async throws -> T
}
