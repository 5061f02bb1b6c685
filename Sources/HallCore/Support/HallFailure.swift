/// The broad kind of a failure. The HTTP layer maps it to a status code; the core never sees HTTP.
public enum FailureKind: Sendable, Equatable {
    /// The request is malformed or a value is out of range (400/422).
    case invalidInput
    /// The thing named does not exist (404).
    case notFound
    /// The thing exists but is not in a state that allows this (409).
    case conflict
    /// The caller is not signed in (401).
    case unauthorized
    /// The caller's role does not allow this (403).
    case forbidden
    /// The method is not one the address answers (405).
    case methodNotAllowed
    /// The request body is too large (413).
    case tooLarge
    /// The request body is not of a media type the address reads (415).
    case unsupportedMediaType
    /// Too many attempts (429).
    case throttled
    /// A device or dependency is not available right now (503).
    case unavailable
}

/// An error that a clerk can act on: a stable machine code and a human message (in Chinese,
/// the user language of the hall).
///
/// Every domain error enum conforms, so the server can render `{ "error": code, "message": text }`
/// without knowing the enum.
public protocol HallFailure: Error, Sendable, CustomStringConvertible {
    /// Stable snake_case code, e.g. `unknown_service`.
    var code: String { get }
    /// Human-readable explanation in Chinese, telling the clerk what to do.
    var message: String { get }
    /// The broad kind, which decides the HTTP status.
    var kind: FailureKind { get }
    /// When to try again, for a throttled request (`Retry-After`); nil otherwise.
    var retryAfterSeconds: Int? { get }
    /// The script-neutral values in the message (a ticket number, a count), named as in the
    /// message's catalog entry `error.<code>`, so that a bilingual page can say it in every
    /// language. Empty for failures residents do not see.
    var messageValues: [String: String] { get }
}

extension HallFailure {
    public var description: String { "\(code): \(message)" }
    public var retryAfterSeconds: Int? { nil }
    public var messageValues: [String: String] { [:] }
}
