import GRDB
import HallServer
import Logging
import ServiceLifecycle

/// Pings systemd's watchdog at half the requested interval, but only while the database
/// answers: a hung daemon stops pinging and systemd restarts it.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let server: HallServer
    let logger: Logger

    func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully {
            let healthy = (try? await server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
            if healthy {
                notifier.notify("WATCHDOG=1")
            } else {
                logger.warning("database did not answer; withholding watchdog ping")
            }
            try? await Task.sleep(for: interval / 2)
        }
    }
}
