import HallCore

/// Failures of the HTTP layer itself (as opposed to the domain's).
public enum APIError: HallFailure {
    case malformedJSON(String)
    case bodyTooLarge(limit: Int)
    case routeNotFound(String)
    /// The address exists but does not answer this method; `allowed` goes into the `Allow` header.
    case methodNotAllowed(allowed: [String])
    case invalidParameter(name: String, value: String)
    /// An integer parameter that is not a whole number within `range`.
    case integerOutOfRange(name: String, value: String, range: ClosedRange<Int>)
    case missingField(String)
    case invalidText(field: String, TextRules.Problem)
    /// The path cannot name anything: broken percent-encoding, or `..`.
    case invalidPath(PathProblem)
    /// A JSON body sent with another `Content-Type`.
    case unsupportedMediaType(String)
    /// A 400 of the HTTP framework that none of the cases above describes.
    case badRequest(String)

    /// Why a path is refused before any route sees it.
    public enum PathProblem: Sendable, Equatable {
        case percentEncoding
        case parentDirectory
    }

    public var code: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .bodyTooLarge: "body_too_large"
        case .routeNotFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .invalidParameter, .integerOutOfRange: "invalid_parameter"
        case .missingField: "missing_field"
        case .invalidText: "invalid_text"
        case .invalidPath: "invalid_path"
        case .unsupportedMediaType: "unsupported_media_type"
        case .badRequest: "bad_request"
        }
    }

    public var message: String {
        switch self {
        case .malformedJSON(let detail): "请求内容不是有效的 JSON：\(detail)"
        case .bodyTooLarge(let limit): "请求内容过大，最多 \(limit / 1024) KB。"
        case .routeNotFound(let path): "没有这个接口：\(path)"
        case .methodNotAllowed(let allowed) where allowed.isEmpty: "此接口不支持该请求方法。"
        case .methodNotAllowed(let allowed): "此接口不支持该请求方法，可用的方法：\(allowed.joined(separator: "、"))。"
        case .invalidParameter(let name, let value): "参数 \(name) 的值“\(value)”无效。"
        case .integerOutOfRange(let name, let value, let range):
            "参数 \(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，收到的是“\(value)”。"
        case .missingField(let name): "缺少必填字段：\(name)。"
        case .invalidText(let field, .controlCharacter): "字段 \(field) 含有控制字符，请删除后重新填写。"
        case .invalidText(let field, .directionOverride): "字段 \(field) 含有文字方向控制符，请删除后重新填写。"
        case .invalidText(let field, .tooLong(let limit)): "字段 \(field) 过长，最多 \(limit) 个字。"
        case .invalidPath(.percentEncoding): "请求地址的编码有误（% 后应为两位十六进制数），请检查地址。"
        case .invalidPath(.parentDirectory): "请求地址不能含有“..”，请检查地址。"
        case .unsupportedMediaType(let type): "请求内容的类型“\(type)”不受支持，请以 application/json 发送。"
        case .badRequest(let detail): "请求无效：\(detail)"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .malformedJSON, .invalidParameter, .integerOutOfRange, .missingField, .invalidText, .invalidPath, .badRequest: .invalidInput
        case .bodyTooLarge: .tooLarge
        case .routeNotFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .unsupportedMediaType: .unsupportedMediaType
        }
    }
}

/// The JSON body of every error response: `{ "error": code, "message": text }`, and for a
/// failure residents see, the values in its message (`values`, omitted when there are none).
public struct ErrorBody: Codable, Sendable, Equatable {
    public var error: String
    public var message: String
    public var values: [String: String]?

    public init(error: String, message: String, values: [String: String]? = nil) {
        self.error = error
        self.message = message
        self.values = values
    }
}
