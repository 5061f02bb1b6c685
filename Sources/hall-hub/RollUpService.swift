import Foundation
import HallCore
import HallHub
import Logging
import ServiceLifecycle

/// The hub's background job: every `interval`, the pending closed days (before today in the
/// banner's time zone) are summarised into their roll-ups (`HubStore.rollUp(before:)`), so the
/// dashboard reads a closed day once summarised, and only today live. A failure is logged and
/// tried again at the next round; the job ends with the hub's graceful stop.
struct RollUpService: ServiceLifecycle.Service {
    let store: HubStore
    let timeZone: TimeZone
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let rolled = try await store.rollUp(before: LocalDay(Date(), in: timeZone))
                if rolled > 0 { logger.info("days rolled up: \(rolled)") }
            } catch {
                logger.warning("rolling up closed days failed: \(String(reflecting: error))")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
