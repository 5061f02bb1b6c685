import Foundation

/// The rules a hall can tune.
public struct QueueSettings: Codable, Sendable, Equatable {
    /// The hall's time zone: ticket numbers restart at its local midnight.
    public var timeZoneIdentifier: String
    /// Recalls allowed after the first call; one more recall marks the ticket a no-show.
    public var maxRecalls: Int
    /// How many recent finished tickets feed the wait estimate.
    public var estimateSampleSize: Int

    public init(timeZoneIdentifier: String = "Asia/Shanghai", maxRecalls: Int = 2, estimateSampleSize: Int = 20) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.maxRecalls = maxRecalls
        self.estimateSampleSize = estimateSampleSize
    }

    /// The configured time zone (falls back to Asia/Shanghai for an unknown identifier, which
    /// configuration validation refuses before it gets here).
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Shanghai")! }
}
