import Foundation

/// What a hall keeps of its link to the hub, next to its event log: its credential, the sequence
/// the hub acknowledged and the last send number used.
public struct HubLinkState: Sendable, Equatable {
    /// The hall identifier the credential was granted for (nil: not enrolled).
    public var hall: String?
    /// The secret the hub granted (nil: not enrolled).
    public var secret: String?
    /// Everything up to this sequence is committed at the hub.
    public var acknowledged: Int64
    /// The last send number used (each attempt takes the next one).
    public var send: Int64
    public var acknowledgedAt: Date?

    public init(hall: String?, secret: String?, acknowledged: Int64, send: Int64, acknowledgedAt: Date?) {
        self.hall = hall
        self.secret = secret
        self.acknowledged = acknowledged
        self.send = send
        self.acknowledgedAt = acknowledgedAt
    }

    /// The credential, if it was granted for `hall`.
    public func secret(for hall: String) -> String? { self.hall == hall ? secret : nil }
}
