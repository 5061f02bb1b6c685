import Foundation
import HallCore
import Hummingbird

/// Small helpers the routes share: the signed-in principal, permissions, query and path parameters.
enum RouteSupport {
    /// The signed-in principal's name (the routes are permission-checked, so there is one).
    static func actor(_ context: HallRequestContext) throws -> String {
        try context.requirePrincipal().name
    }

    /// Whether the signed-in principal holds `permission`.
    static func may(_ context: HallRequestContext, _ permission: Permission) -> Bool {
        context.principal?.role(for: permission) != nil
    }

    /// A `yyyy-MM-dd` query parameter, nil when absent.
    static func day(_ request: Request, _ name: String) throws -> LocalDay? {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init), !text.isEmpty else { return nil }
        guard let day = LocalDay(text) else { throw APIError.invalidParameter(name: name, value: text) }
        return day
    }

    /// An integer query parameter within `range`; `fallback` when absent or empty. A value that is
    /// not a whole number, or out of the range, is refused (400 invalid_parameter), never clamped.
    static func integer(_ request: Request, _ name: String, in range: ClosedRange<Int>, fallback: Int) throws -> Int {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init), !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.integerOutOfRange(name: name, value: String(text.prefix(32)), range: range)
        }
        return value
    }

    /// A yes/no query parameter: `1` or `true`, `0` or `false`; `fallback` when absent or empty.
    /// Anything else is refused (400 invalid_parameter), never read as one or the other.
    static func flag(_ request: Request, _ name: String, fallback: Bool = false) throws -> Bool {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init), !text.isEmpty else { return fallback }
        switch text {
        case "1", "true": return true
        case "0", "false": return false
        default: throw APIError.invalidParameter(name: name, value: String(text.prefix(32)))
        }
    }

    /// A text query parameter, nil when absent or empty.
    static func text(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init)?.nonEmpty
    }

    /// An integer path parameter.
    static func id(_ context: HallRequestContext, _ name: String = "id") throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw APIError.invalidParameter(name: name, value: text) }
        return id
    }

    /// The whole body (up to the configured limit), for imports that take a file as it is.
    static func rawBody(_ request: Request) async throws -> Data {
        let limit = BodyLimit.bytes
        do {
            return Data(try await request.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw APIError.bodyTooLarge(limit: limit)
        }
    }

    /// A JSON body that may be left out entirely.
    static func optionalJSON<T: Decodable>(_ request: Request, _ type: T.Type, _ context: HallRequestContext) async throws -> T? {
        let data = try await rawBody(request)
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        try request.requireJSONContentType()
        return try JSONTextCheck.decode(T.self, from: data)
    }
}
