import HallServer
import ServiceLifecycle

/// Flags rating follow-ups past their due day every few minutes, and stops when halld shuts
/// down gracefully.
struct FollowUpSweepService: Service {
    let sweep: FollowUpSweep

    func run() async throws {
        try await cancelWhenGracefulShutdown { await sweep.run() }
    }
}
