import Foundation
import HallCore
import HallStore
import Hummingbird

/// First-run setup as the running hall answers it: done (or never needed, the configuration file
/// named the center), so `GET /api/setup` says which and `POST /api/setup` is refused with 409
/// `setup_done` — a setup code is void once the hall runs. The setup itself is served by
/// `HallSetupServer` before the hall starts.
public final class SetupFeature: HallFeature {
    private let record: SetupRecord?

    init(database: HallDatabase) throws {
        record = try SQLiteSetupStore(database).setupRecordNow()
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        let status =
            record.map { r in
                SetupStatus(
                    state: .done, center: .init(name: r.centerName, phone: r.centerPhone, publicBaseURL: r.publicBaseURL),
                    completedAt: r.completedAt)
            } ?? SetupStatus(state: .configured)
        router.get("api/setup") { _, _ in try JSONResponse.make(status) }
        router.post("api/setup") { _, _ -> Response in throw SetupError.alreadyDone }
    }
}
