import Foundation

/// A person suspended from appointment service after consecutive cancellations without reason
/// (连续三次无故取消预约，暂停为其提供预约服务). Ends by itself after the configured time, or when the
/// center head lifts it.
public struct BookingSuspension: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier (0 before storing).
    public var id: Int64
    public var personKey: PersonKey
    /// The person as last booked (for the head's list; masked on public surfaces).
    public var contact: ResidentContact
    /// The cancellations that caused it, oldest first.
    public var appointmentIDs: [Int64]
    public var startsAt: Date
    public var endsAt: Date
    public var liftedAt: Date?
    public var liftedBy: String?
    public var liftReason: String?

    public init(
        id: Int64 = 0, personKey: PersonKey, contact: ResidentContact, appointmentIDs: [Int64], startsAt: Date,
        endsAt: Date
    ) {
        self.id = id
        self.personKey = personKey
        self.contact = contact
        self.appointmentIDs = appointmentIDs
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// Whether the suspension still applies at `instant`.
    public func isActive(at instant: Date) -> Bool { liftedAt == nil && instant < endsAt }
}
