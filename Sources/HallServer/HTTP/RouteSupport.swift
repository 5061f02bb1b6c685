import Foundation
import HallCore
import Hummingbird

/// Small helpers the routes share: the signed-in principal, permissions, query and path parameters.
enum RouteSupport {
    /// The signed-in principal's name (the routes are permission-checked, so there is one).
    static func actor(_ context: HallRequestContext) throws -> String {
        guard let name = context.principal?.name else { throw AccessError.notSignedIn }
        return name
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

    /// A text query parameter, nil when absent or empty.
    static func text(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An integer path parameter.
    static func id(_ context: HallRequestContext, _ name: String = "id") throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw APIError.invalidParameter(name: name, value: text) }
        return id
    }
}
