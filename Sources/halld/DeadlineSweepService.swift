import HallServer
import ServiceLifecycle

/// Runs the intake deadline check (`case.due_soon` / `case.overdue`) every few minutes, and
/// stops when halld shuts down gracefully.
struct DeadlineSweepService: Service {
    let sweep: DeadlineSweep

    func run() async throws {
        try await cancelWhenGracefulShutdown { await sweep.run() }
    }
}
