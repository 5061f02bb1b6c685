import HallServer
import ServiceLifecycle

/// Keeps the devices' background work (print retries, screen updates) running with the daemon.
struct DeviceService: Service {
    let devices: HallDevices

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await devices.run()
        }
    }
}
