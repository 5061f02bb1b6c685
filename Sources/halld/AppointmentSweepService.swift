import HallServer
import ServiceLifecycle

/// Runs the appointment sweep (missed bookings cancelled, home-visit deadlines announced) and the
/// home-visit receipt printer's retries, and stops when halld shuts down gracefully.
struct AppointmentSweepService: Service {
    let module: AppointmentsModule

    func run() async throws {
        let sweep = module.makeSweep()
        let receipts = module.receipts
        try await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await sweep.run() }
                group.addTask { await receipts.run() }
            }
        }
    }
}
