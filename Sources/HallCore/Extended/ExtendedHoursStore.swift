import Foundation

/// The opening hours set by the head or the administrator, replacing the configured ones.
public struct OpeningHoursOverride: Codable, Sendable, Equatable {
    public var hours: OpeningHours
    public var updatedAt: Date
    public var updatedBy: String

    public init(hours: OpeningHours, updatedAt: Date, updatedBy: String) {
        self.hours = hours
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// What extended hours need from storage, inside one transaction: the queue's tickets and event
/// log (read only), extended periods, replacements, the hours override, and the ledger (an ended
/// period's minutes are recorded in the same transaction).
public protocol ExtendedHoursTransaction: LedgerTransaction {
    func openingHoursOverride() throws -> OpeningHoursOverride?
    /// Stores the override; nil removes it.
    func saveOpeningHoursOverride(_ value: OpeningHoursOverride?) throws
    /// Tickets of `day` in any of `states`, oldest first.
    func tickets(day: LocalDay, states: Set<TicketState>) throws -> [Ticket]
    /// Logged events with `from ≤ at ≤ through`, in order, ticket issues left out: a ledger counts
    /// window actions and cases, never an issue (and the store's index skips them).
    func events(from: Date, through: Date) throws -> [HallEvent]
    /// Extended periods whose day is in `from…through`, in order.
    func extendedSessions(from: LocalDay, through: LocalDay) throws -> [ExtendedSession]
    /// The running extended period, if any.
    func activeExtendedSession() throws -> ExtendedSession?
    func insertExtendedSession(_ session: ExtendedSession) throws -> ExtendedSession
    func updateExtendedSession(_ session: ExtendedSession) throws
    /// Absence reports and replacements of `day`, in order.
    func replacements(day: LocalDay) throws -> [ExtendedReplacement]
    func insertReplacement(_ replacement: ExtendedReplacement) throws -> ExtendedReplacement
    func updateReplacement(_ replacement: ExtendedReplacement) throws
    /// When a once-a-day notice (`kind`, e.g. `closing_soon`) was given on `day`, if it was.
    func marker(day: LocalDay, kind: String) throws -> Date?
    func setMarker(day: LocalDay, kind: String, at: Date) throws
}

/// Runs extended-hours work in durable transactions.
public protocol ExtendedHoursStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any ExtendedHoursTransaction) throws -> T) async throws -> T
}
