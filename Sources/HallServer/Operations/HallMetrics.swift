import CoreMetrics
import Foundation
import HallCore
import Prometheus

/// Prometheus metrics of the hall, recorded through swift-metrics into a registry owned by the
/// server (no global bootstrap, so several servers can live in one test process).
public final class HallMetrics: HallEventSink, Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Counts every event by type (tickets issued, called, …) and issued tickets by service.
    public func publish(_ events: [HallEvent]) {
        for event in events {
            Counter(label: "hall_events_total", dimensions: [("type", event.type.rawValue)], factory: factory).increment()
            if event.type == .ticketIssued, let service = event.ticket?.issuedServiceID {
                Counter(label: "hall_tickets_issued_total", dimensions: [("service", service)], factory: factory).increment()
            }
        }
    }

    /// Sets a gauge, e.g. waiting tickets per service, refreshed at each scrape.
    public func gauge(_ label: String, _ value: Double, dimensions: [(String, String)] = []) {
        Gauge(label: label, dimensions: dimensions, factory: factory).record(value)
    }

    /// The Prometheus text exposition.
    public func exposition() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
