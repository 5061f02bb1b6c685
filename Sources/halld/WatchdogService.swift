import GRDB
import HallServer
import Logging
import ServiceLifecycle

/// Pings systemd's watchdog at half the requested interval, but only while the database
/// answers: a hung daemon stops pinging and systemd restarts it.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    /// Whether the database answers.
    let healthy: @Sendable () async -> Bool
    let logger: Logger

    init(notifier: SystemdNotifier, server: HallServer, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
        healthy = { (try? await server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1 }
    }

    /// While first-run setup waits.
    init(notifier: SystemdNotifier, setup: HallSetupServer, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
        healthy = { await setup.databaseAnswers() }
    }

    func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully {
            if await healthy() {
                notifier.notify("WATCHDOG=1")
            } else {
                logger.warning("database did not answer; withholding watchdog ping")
            }
            try? await Task.sleep(for: interval / 2)
        }
    }
}
