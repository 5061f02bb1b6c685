import Foundation
import HallCore

extension GlobalOptions {
    /// Service ids → names (`social-insurance` → 社保医保) from the public `GET /api/status`, so text
    /// output names services as the hall's screens do. Empty with `--json` (the daemon's JSON is
    /// printed as sent) or when the status cannot be read: the text then shows the ids.
    func serviceNames() async -> [String: String] {
        guard !json, let data = try? await client.send("GET", "api/status"),
            let status = try? HallJSON.decoder().decode(HallStatus.self, from: data)
        else { return [:] }
        return Dictionary(status.services.map { ($0.service.id, $0.service.name) }) { first, _ in first }
    }
}
