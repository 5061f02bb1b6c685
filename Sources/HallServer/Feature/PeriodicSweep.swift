import Logging

/// A named check that runs now and then every `interval` until its task is cancelled: halld runs
/// each of the hall's sweeps (case deadlines, appointments, rating follow-ups, extended hours)
/// through one of these. A failed round is logged and the next one runs on time; it is never fatal.
public struct PeriodicSweep: Sendable {
    /// Names the sweep in logs, e.g. `deadlines`.
    public let name: String
    public let interval: Duration
    private let round: @Sendable () async throws -> Void
    private let logger: Logger

    /// - Parameters:
    ///   - logger: where failed rounds are reported (default: `halld.<name>`).
    ///   - round: one round of the sweep's own logic.
    public init(
        _ name: String, every interval: Duration, logger: Logger? = nil,
        round: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.round = round
        self.logger = logger ?? Logger(label: "halld.\(name)")
    }

    /// Runs a round now and then every `interval`; returns once the task is cancelled.
    public func run() async {
        logger.debug("\(name) sweep every \(interval)")
        while !Task.isCancelled {
            do {
                try await round()
            } catch is CancellationError where Task.isCancelled {
                return
            } catch {
                logger.error("\(name) sweep failed: \(error)")
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
