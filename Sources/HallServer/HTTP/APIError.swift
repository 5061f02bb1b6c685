import HallCore

/// Failures of the HTTP layer itself (as opposed to the domain's).
public enum APIError: HallFailure {
    case malformedJSON(String)
    case bodyTooLarge(limit: Int)
    case routeNotFound(String)
    case methodNotAllowed
    case invalidParameter(name: String, value: String)
    case missingField(String)
    case invalidText(field: String, TextRules.Problem)

    public var code: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .bodyTooLarge: "body_too_large"
        case .routeNotFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .invalidParameter: "invalid_parameter"
        case .missingField: "missing_field"
        case .invalidText: "invalid_text"
        }
    }

    public var message: String {
        switch self {
        case .malformedJSON(let detail): "请求内容不是有效的 JSON：\(detail)"
        case .bodyTooLarge(let limit): "请求内容过大，最多 \(limit / 1024) KB。"
        case .routeNotFound(let path): "没有这个接口：\(path)"
        case .methodNotAllowed: "此接口不支持该请求方法。"
        case .invalidParameter(let name, let value): "参数 \(name) 的值“\(value)”无效。"
        case .missingField(let name): "缺少必填字段：\(name)。"
        case .invalidText(let field, .controlCharacter): "字段 \(field) 含有控制字符，请删除后重新填写。"
        case .invalidText(let field, .directionOverride): "字段 \(field) 含有文字方向控制符，请删除后重新填写。"
        case .invalidText(let field, .tooLong(let limit)): "字段 \(field) 过长，最多 \(limit) 个字。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .malformedJSON, .invalidParameter, .missingField, .invalidText: .invalidInput
        case .bodyTooLarge: .tooLarge
        case .routeNotFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        }
    }
}

/// The JSON body of every error response: `{ "error": code, "message": text }`.
public struct ErrorBody: Codable, Sendable, Equatable {
    public var error: String
    public var message: String
}
