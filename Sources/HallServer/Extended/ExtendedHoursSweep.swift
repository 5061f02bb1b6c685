import HallCore

/// Starts and ends extended hours, gives the closing notice, and announces overdue follow-ups,
/// so these reach the event stream without anyone asking.
public struct ExtendedHoursSweep: Sweep {
    public static let name = "extended"
    public let hall: ExtendedHoursHall
    public let interval: Duration

    public init(hall: ExtendedHoursHall, interval: Duration) {
        self.hall = hall
        self.interval = interval
    }

    /// One round.
    @discardableResult
    public func runOnce() async throws -> ExtendedStatus {
        let status = try await hall.hours.check()
        try await hall.followUps.checkOverdue()
        return status
    }
}

extension HallServer {
    /// The periodic extended-hours check of this hall (halld runs it as a service).
    public func makeExtendedHoursSweep() -> ExtendedHoursSweep {
        ExtendedHoursSweep(hall: extendedHours, interval: .seconds(configuration.extendedHours.checkIntervalSeconds))
    }
}
