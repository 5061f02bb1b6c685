import Hummingbird
import Synchronization

/// The methods each route path answers, read from the router once every route is added, so that
/// a request for a known address with another method answers 405 with an `Allow` header instead
/// of 404.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(path: RouterPath, methods: [HTTPRequest.Method])]>([])

    /// Records the router's routes (call after every route is added).
    func record(_ descriptions: [Router<HallRequestContext>.RouteDescription]) {
        var byPath: [String: (path: RouterPath, methods: [HTTPRequest.Method])] = [:]
        for route in descriptions {
            byPath[route.path.description, default: (route.path, [])].methods.append(route.method)
        }
        routes.withLock { $0 = Array(byPath.values) }
    }

    /// The methods that the route matching `path` answers, sorted by name (empty for an unknown path).
    /// As in the router, a literal element wins over a capture at the same place: `/api/calendar/import`
    /// is the import's address, not the calendar of the year "import".
    func methods(for path: String) -> [String] {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var matching = routes.withLock { routes in routes.filter { Self.matches($0.path, components) } }
        for index in components.indices where matching.contains(where: { Self.isLiteral($0.path.components[index]) }) {
            matching.removeAll { !Self.isLiteral($0.path.components[index]) }
        }
        return Set(matching.flatMap(\.methods).map(\.rawValue)).sorted()
    }

    private static func isLiteral(_ element: RouterPath.Element) -> Bool {
        element == .path(Substring(element.description))
    }

    /// Whether the route path matches the request's components (literal or capture elements, one
    /// per component: the only kinds halld's routes use).
    private static func matches(_ path: RouterPath, _ components: [Substring]) -> Bool {
        guard path.components.count == components.count else { return false }
        return zip(path.components, components).allSatisfy { element, component in element ~= component }
    }
}
