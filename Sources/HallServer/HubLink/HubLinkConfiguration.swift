import Foundation
import HallCore

/// The hall's link to the banner's hub (docs/hub.md). Off while `url` is empty: the hall works
/// alone, and its event log waits for the day it is linked.
public struct HubLinkConfiguration: Codable, Sendable, Equatable {
    /// The hub's base URL, e.g. `https://hub.banner.example:8443`; empty: no hub.
    public var url: String = ""
    /// The banner's hub CA certificate (PEM, `ca.crt` from `hall-hub make-certificates`): the only
    /// authority the link trusts for the hub's certificate. Empty: the system's trusted CAs.
    public var caFile: String = ""
    /// This hall's identifier at the hub, as the hub's administrator registered it (`town-a`).
    public var hall: String = ""
    /// The one-time code the hub's administrator issued; used once to obtain the hall's own secret
    /// (kept in the database), then no longer needed.
    public var enrollmentCode: String = ""
    /// Events per batch (1…5000).
    public var batchSize: Int = 500
    /// Seconds between looks at the log when everything is sent.
    public var intervalSeconds: Double = 2
    /// The first wait after a failed attempt; it doubles up to `maxBackoffSeconds`.
    public var initialBackoffSeconds: Double = 1
    public var maxBackoffSeconds: Double = 300
    /// Seconds the hub may lag (oldest unsent event) before `/healthz` calls the link degraded.
    public var lagWarningSeconds: Double = 3600

    public init() {}

    /// Whether a hub is configured.
    public var isEnabled: Bool { !url.isEmpty }

    /// Throws the first key whose value cannot work.
    func validate() throws(ConfigurationError) {
        guard isEnabled else { return }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw .invalidValue(key: "hub.url", reason: "must start with https:// (or http:// on a trusted link)")
        }
        guard caFile.isEmpty || FileManager.default.isReadableFile(atPath: caFile) else {
            throw .invalidValue(key: "hub.caFile", reason: "cannot read \(caFile)")
        }
        guard HubEnrollmentRules.isValidHallID(hall) else {
            throw .invalidValue(key: "hub.hall", reason: "a-z, 0-9 and -, 1-32 characters, as registered at the hub")
        }
        guard (1...SyncRules.maxBatchEvents).contains(batchSize) else {
            throw .invalidValue(key: "hub.batchSize", reason: "must be 1…\(SyncRules.maxBatchEvents)")
        }
        guard intervalSeconds > 0, initialBackoffSeconds > 0, maxBackoffSeconds >= initialBackoffSeconds else {
            throw .invalidValue(key: "hub", reason: "intervals must be positive, maxBackoffSeconds ≥ initialBackoffSeconds")
        }
    }
}
