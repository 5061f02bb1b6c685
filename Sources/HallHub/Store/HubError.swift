import HallCore
import HTTPTypes

/// Why the hub refused a request. Halls read `code` and the numbers; people read the Chinese `message`.
public enum HubError: Error, Equatable, Sendable {
    /// No enrolled hall has this identifier and secret (a forged or unknown sender).
    case unknownHall
    /// The batch names another hall than its credential's.
    case hallMismatch
    /// The send number is not above the last one seen: a replayed request.
    case replayed(lastSend: Int64)
    /// The batch does not continue what the hub holds; resend from `expectedAfter`.
    case gap(expectedAfter: Int64)
    /// Sequences not increasing, too many events, or unreadable JSON.
    case malformedBatch(String)
    case enrollment(HubEnrollmentError)
    /// A request the hub cannot read.
    case badRequest(String)
    /// A transaction did not finish in time (PostgreSQL lost mid-transaction, or overloaded).
    case databaseTimeout

    public var status: HTTPResponse.Status {
        switch self {
        case .unknownHall: .unauthorized
        case .hallMismatch: .forbidden
        case .replayed, .gap: .conflict
        case .malformedBatch, .badRequest: .badRequest
        case .databaseTimeout: .serviceUnavailable
        case .enrollment(.usedCode), .enrollment(.expiredCode): .gone
        case .enrollment: .badRequest
        }
    }

    public var code: String {
        switch self {
        case .unknownHall: "unknown_hall"
        case .hallMismatch: "hall_mismatch"
        case .replayed: "replayed"
        case .gap: "gap"
        case .malformedBatch: "malformed_batch"
        case .enrollment(let e): e.code
        case .badRequest: "bad_request"
        case .databaseTimeout: "database_timeout"
        }
    }

    public var message: String {
        switch self {
        case .unknownHall: "大厅未接入，或凭据不正确"
        case .hallMismatch: "批次与凭据不属于同一大厅"
        case .replayed: "重复的请求已拒绝"
        case .gap: "批次不连续，请从中心已确认的位置重发"
        case .malformedBatch(let why): "批次格式错误：\(why)"
        case .enrollment(let e): e.description
        case .badRequest(let why): "请求无效：\(why)"
        case .databaseTimeout: "中心数据库暂时无响应，请稍后重试"
        }
    }
}

/// The JSON body of a refusal.
public struct HubErrorBody: Codable, Sendable, Equatable {
    public var error: String
    public var message: String
    /// With `replayed`: the last send number the hub saw.
    public var lastSend: Int64?
    /// With `gap`: the sequence the hub holds up to.
    public var expectedAfter: Int64?

    public init(_ error: HubError) {
        self.error = error.code
        message = error.message
        if case .replayed(let n) = error { lastSend = n }
        if case .gap(let n) = error { expectedAfter = n }
    }
}
