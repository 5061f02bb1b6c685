import Foundation

/// A kiosk, hall screen or rating pad paired from the admin page. Its token is stored hashed
/// (`SHA-256`) beside it and never shown again; a revoked device's token is refused at once.
public struct PairedDevice: Codable, Sendable, Equatable {
    /// e.g. `kiosk-p3`: recorded as the actor of what the device does.
    public var id: String
    public var kind: DeviceKind
    /// The window a rating pad faces; nil for kiosks and screens.
    public var window: Int?
    public var name: String
    public var pairedAt: Date
    /// Who issued the code the device paired with.
    public var pairedBy: String
    /// The device's last request (recorded at most once a minute); nil before its first.
    public var lastSeenAt: Date?
    public var revokedAt: Date?
    public var revokedBy: String?

    public init(
        id: String, kind: DeviceKind, window: Int?, name: String, pairedAt: Date, pairedBy: String,
        lastSeenAt: Date? = nil, revokedAt: Date? = nil, revokedBy: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.window = window
        self.name = name
        self.pairedAt = pairedAt
        self.pairedBy = pairedBy
        self.lastSeenAt = lastSeenAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// Who the device is when it presents its token.
    public var principal: Principal {
        Principal(name: id, displayName: "\(kind.label) \(name)", roles: [kind.role], isDevice: true)
    }
}
