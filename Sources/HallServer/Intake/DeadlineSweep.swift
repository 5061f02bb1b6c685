import HallCore

/// Checks running cases' deadlines, so `case.due_soon` / `case.overdue` reach the event stream
/// (each level once per case) without anyone opening the board.
public struct DeadlineSweep: Sweep {
    public static let name = "deadlines"
    public let intake: IntakeService
    public let interval: Duration

    public init(intake: IntakeService, interval: Duration = .seconds(300)) {
        self.intake = intake
        self.interval = interval
    }

    /// One check; returns how many cases are due soon or overdue.
    @discardableResult
    public func runOnce() async throws -> Int {
        try await intake.checkDeadlines().filter { $0.level > .onTrack }.count
    }
}
