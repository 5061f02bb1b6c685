import Foundation
import HallCore
import HallStore
import Hummingbird
import Logging

/// A fresh hall waiting for first-run setup (`FirstRun`): instead of the hall, halld serves the
/// setup page `/setup/` where halld is configured to listen, guarded by a one-time setup code written
/// to the log and to `<stateDirectory>/setup-code` (0600). Nothing else of the hall answers
/// (`SetupModeMiddleware`). Once setup is complete, `completed()` returns and halld starts the hall
/// (`HallServer`) with the stored setup applied.
public final class HallSetupServer: Sendable {
    public let configuration: HallConfiguration
    /// Where the code is written (and removed from once setup is complete).
    public let codeFile: URL
    let service: SetupService
    private let boundPort = BoundPort()

    /// The setup server when the hall is fresh, nil otherwise (halld then starts the hall at once).
    ///
    /// - Parameter keys: what the configuration file, the environment and the flags set.
    public static func offer(
        configuration: HallConfiguration, keys: ConfiguredKeys, clock: any HallClock = SystemClock(),
        logger: Logger = Logger(label: "halld")
    ) throws -> HallSetupServer? {
        let database = try HallDatabase(configuration.storeConfiguration)
        let facts = FirstRun(
            hasSetupRecord: try SQLiteSetupStore(database).setupRecordNow() != nil, hasAccounts: try database.hasAccounts(),
            centerNameConfigured: keys.sets("center.name"), demoAccounts: configuration.accounts.demoAccounts,
            initialAdminPasswordSet: !configuration.accounts.initialAdminPassword.isEmpty)
        guard facts.offersSetup else { return nil }
        var generator = SystemRandomNumberGenerator()
        let code = SetupCode.make(using: &generator)
        let server = try HallSetupServer(configuration: configuration, keys: keys, database: database, code: code, clock: clock)
        logger.notice("first-run setup: the hall is not set up yet; the setup code is \(code) (also in \(server.codeFile.path))")
        return server
    }

    private init(configuration: HallConfiguration, keys: ConfiguredKeys, database: HallDatabase, code: SetupCode, clock: any HallClock) throws {
        self.configuration = configuration
        let file = SetupCodeFile(stateDirectory: configuration.stateDirectory)
        try file.write(code)
        codeFile = file.url
        service = SetupService(database: database, code: code, configuration: configuration, keys: keys, codeFile: file, clock: clock)
    }

    /// Waits until setup has been completed (at once if it was before this call) and returns true,
    /// or returns false when the waiting task is cancelled first. Call it from one task only.
    @discardableResult
    public func completed() async -> Bool {
        for await _ in service.completions { return true }
        return false
    }

    /// Whether setup has been completed (the code is void).
    public var isComplete: Bool { !service.isOpen }

    /// Whether the database answers (for systemd's watchdog while setup waits).
    public func databaseAnswers() async -> Bool { await service.databaseAnswers() }

    /// The router of a hall waiting for setup.
    public func makeRouter() -> Router<HallRequestContext> {
        let router = Router(context: HallRequestContext.self)
        let routeMethods = BaseMiddleware.add(to: router, configuration: configuration)
        router.add(middleware: SetupModeMiddleware())
        SetupRoutes(service: service, configuration: configuration, boundPort: boundPort).register(on: router)
        routeMethods.record(router.routes)
        if let root = Bundle.module.url(forResource: "Resources/public", withExtension: nil) {
            router.add(middleware: FileMiddleware(root.path, searchForIndexHtml: true))
        }
        return router
    }

    /// The HTTP application serving setup where the configuration says (or on `port`).
    public func makeApplication(
        port: Int? = nil, logger: Logger? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let bound = boundPort
        let log = logger ?? Logger(label: "halld")
        let host = configuration.listen.host
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port ?? configuration.listen.port), serverName: "halld"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                bound.set(port)
                let everywhere = ["", "0.0.0.0", "::", "[::]"].contains(host)
                for address in everywhere ? PublicAddress.lanAddresses() : [host] {
                    log.notice("first-run setup page: http://\(address):\(port)/setup/")
                }
                await onServerRunning(port)
            },
            logger: log)
    }
}
