import Foundation

/// An issued pairing code as the hall keeps it: only the code's hash, what it pairs (a kiosk, a
/// hall screen, window N's rating pad), who issued it, until when it is valid, and whether it was used.
public struct PairingTicket: Codable, Sendable, Equatable {
    /// SHA-256 of the code (hex); the code itself is shown once, to the issuer.
    public var codeHash: String
    public var kind: DeviceKind
    /// The window a rating pad faces; nil for kiosks and screens.
    public var window: Int?
    /// A name for the device list, e.g. 大厅东侧取号机.
    public var name: String
    public var issuedBy: String
    public var issuedAt: Date
    public var expiresAt: Date
    /// When a device claimed the code; a code is used at most once.
    public var usedAt: Date?

    public init(
        codeHash: String, kind: DeviceKind, window: Int?, name: String, issuedBy: String, issuedAt: Date,
        expiresAt: Date, usedAt: Date? = nil
    ) {
        self.codeHash = codeHash
        self.kind = kind
        self.window = window
        self.name = name
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}
