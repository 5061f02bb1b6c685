import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

/// The hub's HTTP application over a migrated database.
public enum HubApplication {
    /// The router: forwarded headers from the trusted proxy, refusals as JSON, the halls' API,
    /// then the banner's API.
    public static func router(store: HubStore, configuration: HubConfiguration = .defaults) -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.add(
            middleware: HubForwardedHeaders(
                trustedProxies: Set(configuration.trustedProxies), servesTLS: configuration.listen.servesTLS))
        router.add(middleware: HubErrorMiddleware())
        HubRoutes(store: store, maxBytes: configuration.maxRequestBytes).register(on: router)
        let sessions = BannerSessions(store: store, accounts: configuration.accounts)
        let gate = BannerGate(sessions: sessions)
        DashboardRoutes(store: store, gate: gate, timeZone: TimeZone(identifier: configuration.timeZone) ?? .current).register(on: router)
        BannerRoutes(
            store: store, gate: gate, accounts: BannerAccountService(store: store, passwords: sessions.passwords),
            maxBytes: configuration.maxRequestBytes
        ).register(on: router)
        return router
    }

    /// The application listening where `configuration` says (or on `port`, 0: a free one), over
    /// TLS when `listen.certificateFile` is set. Throws when the certificate or key cannot be read.
    public static func make(
        configuration: HubConfiguration, store: HubStore, port: Int? = nil, logger: Logger = Logger(label: "hall-hub"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let server: HTTPServerBuilder =
            configuration.listen.servesTLS ? try .tls(.http1(), tlsConfiguration: HubServerTLS.configuration(configuration.listen)) : .http1()
        return Application(
            router: router(store: store, configuration: configuration),
            server: server,
            configuration: .init(
                address: .hostname(configuration.listen.host, port: port ?? configuration.listen.port), serverName: "hall-hub"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
