import Hummingbird
import Logging

/// The hub's HTTP application over a migrated database.
public enum HubApplication {
    /// The router: refusals as JSON, then the halls' API.
    public static func router(store: HubStore, maxRequestBytes: Int = HubConfiguration.defaults.maxRequestBytes) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: HubErrorMiddleware())
        HubRoutes(store: store, maxBytes: maxRequestBytes).register(on: router)
        return router
    }

    /// The application listening where `configuration` says (or on `port`, 0: a free one).
    public static func make(
        configuration: HubConfiguration, store: HubStore, port: Int? = nil, logger: Logger = Logger(label: "hall-hub"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, maxRequestBytes: configuration.maxRequestBytes),
            configuration: .init(
                address: .hostname(configuration.listen.host, port: port ?? configuration.listen.port), serverName: "hall-hub"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
