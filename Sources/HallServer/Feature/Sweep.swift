/// A sweep of the hall: one round of a service's periodic checks, kept next to that service.
public protocol Sweep: Sendable {
    associatedtype Round: Sendable
    /// Names the sweep in logs.
    static var name: String { get }
    /// How often halld runs a round.
    var interval: Duration { get }
    /// One round; what it returns is for tests and tools.
    func runOnce() async throws -> Round
}

extension Sweep {
    /// This sweep, run every `interval` by halld.
    public var periodic: PeriodicSweep { PeriodicSweep(Self.name, every: interval) { _ = try await runOnce() } }

    /// This sweep as halld's background work.
    public var backgroundWork: BackgroundWork {
        let periodic = periodic
        return BackgroundWork(Self.name) { await periodic.run() }
    }
}
