import Hummingbird

/// The middleware every request to halld passes through, whatever it serves (the hall, or first-run
/// setup): failures as JSON (405 with the router's own `Allow`), the client's address and scheme as a
/// trusted proxy forwards them, form-style query strings, the body size limit.
enum BaseMiddleware {
    /// Adds them to `router`, which must have no route yet: in Hummingbird a middleware wraps only the
    /// routes added after it. Returns the route table for 405s; call `record(router.routes)` on it
    /// once every route is in.
    static func add(to router: Router<HallRequestContext>, configuration: HallConfiguration) -> RouteMethods {
        let routeMethods = RouteMethods()
        router.add(middleware: ErrorMiddleware(routes: routeMethods))
        router.add(middleware: ForwardedHeadersMiddleware(trustedProxies: Set(configuration.listen.trustedProxies)))
        router.add(middleware: FormQueryMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxRequestBytes))
        return routeMethods
    }
}
