import Foundation

/// A hall asking the hub for its credential with the one-time code the hub's administrator issued.
public struct HubEnrollmentRequest: Codable, Sendable, Equatable {
    /// The hall's identifier at the hub, as the code was issued for (`town-a`).
    public var hall: String
    public var code: String

    public init(hall: String, code: String) {
        self.hall = hall
        self.code = code
    }
}

/// The hub's answer to an enrollment: the hall's own secret, shown this once (the hub keeps its hash).
public struct HubEnrollmentGrant: Codable, Sendable, Equatable {
    public var hall: String
    public var secret: String

    public init(hall: String, secret: String) {
        self.hall = hall
        self.secret = secret
    }
}

/// The rules of a hall's enrollment at the hub: what a hall identifier looks like, how long a
/// code is valid, and that it is used once, by the hall it was issued for. A used code may be
/// claimed again (a new secret replaces the first) only until the hub has accepted a batch with
/// that first secret: the hall may have lost the hub's answer to its enrollment.
public enum HubEnrollmentRules {
    /// An enrollment code may be claimed for three days (the installer travels to the town).
    public static let validitySeconds: TimeInterval = 3 * 24 * 3600

    /// Whether `id` is a hall identifier: 1–32 of a–z, 0–9 and `-`, not starting with `-`.
    public static func isValidHallID(_ id: String) -> Bool {
        guard (1...32).contains(id.count), id.first != "-" else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// Throws why a stored code (issued for `codeHall`, at `issuedAt`, used at `usedAt`) cannot
    /// enroll `hall` at `now`, when the hall has (`credentialUsed`) or has not yet sent a batch
    /// with the secret it got; returns normally when it can.
    public static func checkClaim(
        codeHall: String?, issuedAt: Date?, usedAt: Date?, credentialUsed: Bool = false, hall: String, at now: Date
    ) throws(HubEnrollmentError) {
        guard let codeHall, let issuedAt, codeHall == hall else { throw .wrongCode }
        guard usedAt == nil || !credentialUsed else { throw .usedCode }
        guard now.timeIntervalSince(issuedAt) < validitySeconds else { throw .expiredCode }
    }
}

/// Why an enrollment was refused.
public enum HubEnrollmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No code was issued with this text for this hall.
    case wrongCode
    case usedCode
    case expiredCode
    case invalidHallID(String)

    /// A stable code for the JSON answer.
    public var code: String {
        switch self {
        case .wrongCode: "wrong_code"
        case .usedCode: "used_code"
        case .expiredCode: "expired_code"
        case .invalidHallID: "invalid_hall"
        }
    }

    public var description: String {
        switch self {
        case .wrongCode: "接入码不正确"
        case .usedCode: "接入码已使用"
        case .expiredCode: "接入码已过期，请向旗级管理员重新申请"
        case .invalidHallID(let id): "大厅编号“\(id)”无效（小写字母、数字和“-”，最多32个字符）"
        }
    }
}
