import Foundation

/// A staff sign-in as the store keeps it: only the SHA-256 hash of the token is stored.
public struct StaffSession: Sendable, Equatable {
    public var tokenHash: String
    public var username: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var remoteAddress: String?

    public init(tokenHash: String, username: String, createdAt: Date, lastSeenAt: Date, remoteAddress: String?) {
        self.tokenHash = tokenHash
        self.username = username
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.remoteAddress = remoteAddress
    }
}

/// When a session ends: after `idleSeconds` without a request, or `absoluteSeconds` after sign-in,
/// whichever comes first.
public struct SessionPolicy: Codable, Sendable, Equatable {
    public var idleSeconds: Double
    public var absoluteSeconds: Double

    public init(idleSeconds: Double = 30 * 60, absoluteSeconds: Double = 12 * 3600) {
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
    }

    /// Whether `session` has ended at `now`.
    public func isExpired(_ session: StaffSession, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) > idleSeconds || now.timeIntervalSince(session.createdAt) > absoluteSeconds
    }

    /// When `session` ends if no further request comes.
    public func expiry(of session: StaffSession) -> Date {
        min(session.lastSeenAt.addingTimeInterval(idleSeconds), session.createdAt.addingTimeInterval(absoluteSeconds))
    }
}
