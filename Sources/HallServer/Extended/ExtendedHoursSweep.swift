import HallCore

/// Starts and ends extended hours and gives the closing notice, so these reach the event stream
/// without anyone asking.
public struct ExtendedHoursSweep: Sweep {
    public static let name = "extended"
    public let hours: ExtendedHoursService
    public let interval: Duration

    public init(hours: ExtendedHoursService, interval: Duration) {
        self.hours = hours
        self.interval = interval
    }

    /// One round.
    @discardableResult
    public func runOnce() async throws -> ExtendedStatus {
        try await hours.check()
    }
}
