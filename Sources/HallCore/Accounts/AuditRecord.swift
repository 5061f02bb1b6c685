import Foundation

/// One line of the audit log: who did what to what, when and from where. It never holds a
/// password or a token.
public struct AuditRecord: Codable, Sendable, Equatable {
    /// Store-assigned; 0 before storing.
    public var id: Int64
    public var at: Date
    /// User name or device id; for a failed sign-in, the user name that was tried.
    public var actor: String
    /// The role under which it was done (empty for a failed sign-in).
    public var role: String
    /// e.g. `window.operate`, `session.login`, `session.login_failed`.
    public var action: String
    /// What it was done to, e.g. `POST /api/windows/3/call-next`, `account:li.na`.
    public var target: String
    /// Small extra facts (never secrets).
    public var detail: [String: String]
    public var remoteAddress: String?

    public init(
        id: Int64 = 0, at: Date, actor: String, role: String, action: String, target: String,
        detail: [String: String] = [:], remoteAddress: String?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.action = action
        self.target = target
        self.detail = detail
        self.remoteAddress = remoteAddress
    }
}

/// A filter on the audit log.
public struct AuditQuery: Sendable, Equatable {
    public var from: Date?
    public var to: Date?
    public var actor: String?
    public var limit: Int

    public init(from: Date? = nil, to: Date? = nil, actor: String? = nil, limit: Int = 500) {
        self.from = from
        self.to = to
        self.actor = actor
        self.limit = limit
    }
}
