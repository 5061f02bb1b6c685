import Foundation
import HallCore

/// The answer of `GET /api/setup`: whether the hall still waits for first-run setup, and while it
/// does, what the setup page offers (nothing secret: the code is never in it).
struct SetupStatus: Encodable {
    enum State: String, Encodable {
        /// Fresh: the setup page and the code wait.
        case pending
        /// Setup was completed (the code is void).
        case done
        /// The hall was configured by its configuration file; setup was never needed.
        case configured
    }

    struct Center: Encodable {
        var name: String
        var phone: String
        var publicBaseURL: String
    }

    struct Catalog: Encodable {
        var services: [Service]
        var windows: [ServiceWindow]
    }

    var state: State
    var center: Center?
    /// Addresses residents' phones could use, from this machine's LAN addresses (pending only).
    var addresses: [String]?
    /// The services and windows kept when none are given (pending only).
    var sample: Catalog?
    /// The configuration file sets services or windows: setup keeps them (pending only).
    var catalogConfigured: Bool?
    var completedAt: Date?
}
