/// A sweep of the hall: one round of a feature's periodic checks (case deadlines, missed bookings,
/// overdue follow-ups, extended hours), run every `interval` by halld and once by tests and tools.
public struct Sweep<Round: Sendable>: Sendable {
    /// Names the sweep in logs, e.g. `deadlines`.
    public let name: String
    /// How often halld runs a round.
    public let interval: Duration
    private let round: @Sendable () async throws -> Round

    /// A sweep whose round is `round`.
    public init(_ name: String, every interval: Duration, round: @escaping @Sendable () async throws -> Round) {
        self.name = name
        self.interval = interval
        self.round = round
    }

    /// One round; what it returns is for tests and tools.
    @discardableResult
    public func runOnce() async throws -> Round { try await round() }

    /// This sweep, run every `interval` by halld.
    public var periodic: PeriodicSweep { PeriodicSweep(name, every: interval) { _ = try await round() } }

    /// This sweep as halld's background work.
    public var backgroundWork: BackgroundWork {
        let periodic = periodic
        return BackgroundWork(name) { await periodic.run() }
    }
}
