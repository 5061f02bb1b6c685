import HallServer
import Hummingbird
import Logging
import ServiceLifecycle

/// A fresh hall's first phase: serves first-run setup (`HallSetupServer`) until it is completed,
/// then returns so that halld starts the hall, or until halld is stopped.
struct SetupPhase {
    let setup: HallSetupServer
    let notifier: SystemdNotifier
    let logger: Logger

    /// Serves setup; true once it was completed, false when halld was stopped before.
    func run() async throws -> Bool {
        let log = logger
        let host = setup.configuration.listen.host
        let notifier = notifier
        let app = setup.makeApplication(logger: logger) { port in
            log.info("halld waiting for first-run setup on http://\(host):\(port)/setup/")
            notifier.notify("READY=1", "STATUS=waiting for first-run setup on \(host):\(port)")
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: app),
                    .init(service: WatchdogService(notifier: notifier, setup: setup, logger: logger)),
                    .init(service: SetupCompletion(setup: setup), successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if setup.isComplete { logger.notice("first-run setup complete; starting the hall") }
        return setup.isComplete
    }
}

/// Returns when setup is complete, which stops the setup phase (or when halld stops).
private struct SetupCompletion: Service {
    let setup: HallSetupServer

    func run() async throws {
        _ = await cancelWhenGracefulShutdown { await setup.completed() }
    }
}
