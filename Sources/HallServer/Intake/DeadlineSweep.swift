import HallCore
import Logging

/// Periodically checks running cases' deadlines, so `case.due_soon` / `case.overdue` reach the
/// event stream (each level once per case) without anyone opening the board.
public struct DeadlineSweep: Sendable {
    public let intake: IntakeService
    public let interval: Duration
    private let logger = Logger(label: "halld.deadlines")

    public init(intake: IntakeService, interval: Duration = .seconds(300)) {
        self.intake = intake
        self.interval = interval
    }

    /// One check; returns how many cases are due soon or overdue.
    @discardableResult
    public func runOnce() async throws -> Int {
        try await intake.checkDeadlines().filter { $0.level > .onTrack }.count
    }

    /// Checks now and then every `interval` until the task is canceled. Errors are logged, never fatal.
    public func run() async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("deadline check failed: \(error)") }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
