import ServiceLifecycle

/// Runs one piece of the daemon's background work (`HallServer.backgroundWork`: the devices, the
/// home-visit receipt printer, each periodic sweep) with halld, and cancels it when halld shuts down gracefully.
struct BackgroundService: Service {
    let work: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown { await work() }
    }
}
