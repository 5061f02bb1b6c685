import HallCore
import Logging

/// Periodically starts and ends extended hours, gives the closing notice, and announces overdue
/// follow-ups, so these reach the event stream without anyone asking.
public struct ExtendedHoursSweep: Sendable {
    public let hall: ExtendedHoursHall
    public let interval: Duration
    private let logger = Logger(label: "halld.extended")

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

    /// Runs a round now and then every `interval` until cancelled. Errors are logged, never fatal.
    public func run() async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("extended hours check failed: \(error)") }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}

extension HallServer {
    /// The periodic extended-hours check of this hall (halld runs it as a service).
    public func makeExtendedHoursSweep() -> ExtendedHoursSweep {
        ExtendedHoursSweep(hall: extendedHours, interval: .seconds(configuration.extendedHours.checkIntervalSeconds))
    }
}
