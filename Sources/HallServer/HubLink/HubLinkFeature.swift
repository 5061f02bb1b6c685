import Foundation
import HallCore
import HallStore
import Hummingbird
import Logging

/// The hall's link to the banner's hub (store-and-forward of the event log, docs/hub.md): no
/// routes; a background sender while `hub.url` is set, and its lag in `/healthz` (as the
/// `hub-link` entry) and `/metrics` (`hall_hub_lag_events`, `hall_hub_lag_seconds`, `hall_hub_failures`).
public final class HubLinkFeature: HallFeature {
    /// The sender; nil when no hub is configured.
    public let link: HubLink?
    let metrics: HallMetrics
    let lagWarningSeconds: Double

    init(
        configuration: HallConfiguration, database: HallDatabase, metrics: HallMetrics, clock: any HallClock, logger: Logger,
        intake: IntakeService? = nil
    ) {
        let settings = configuration.hub
        let applier = intake.map { IntakePublicationApplier(intake: $0) }
        link =
            settings.isEnabled
            ? HubLink(settings: settings, outbox: SQLiteHubOutbox(database), clock: clock, logger: logger, applier: applier) : nil
        self.metrics = metrics
        lagWarningSeconds = settings.lagWarningSeconds
    }

    public func addRoutes(to router: Router<HallRequestContext>) {}

    public var backgroundWork: [BackgroundWork] {
        guard let link else { return [] }
        return [BackgroundWork("hub-link") { await link.run() }]
    }

    public func health() async -> [DeviceHealth] {
        guard let link else { return [] }
        let lag = await link.refreshLag()
        let status = link.status
        metrics.gauge("hall_hub_lag_events", Double(lag.events))
        metrics.gauge("hall_hub_lag_seconds", lag.seconds)
        metrics.gauge("hall_hub_failures", Double(status.failures))
        let condition =
            lag.events == 0
            ? "已同步" : "待上传 \(lag.events) 条，最早 \(Int(lag.seconds)) 秒前" + (status.lastError.map { "；\($0)" } ?? "")
        return [DeviceHealth(name: "hub-link", ok: lag.seconds < lagWarningSeconds, condition: condition)]
    }
}
