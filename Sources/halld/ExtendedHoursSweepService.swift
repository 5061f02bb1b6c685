import HallServer
import ServiceLifecycle

/// Starts and ends extended hours (延时服务) at closing time, gives the closing notice and announces
/// overdue follow-ups, every `extendedHours.checkIntervalSeconds`; stops with halld.
struct ExtendedHoursSweepService: Service {
    let sweep: ExtendedHoursSweep

    func run() async throws {
        try await cancelWhenGracefulShutdown { await sweep.run() }
    }
}
