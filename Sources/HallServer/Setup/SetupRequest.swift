import HallCore

/// The body of `POST /api/setup`: the setup code and what setup asks (`CenterSetup`). Services and
/// windows are both left out to keep the sample ones.
struct SetupRequest: Decodable {
    struct ServiceInput: Decodable {
        var id: String
        var name: String
        var prefix: String
        var typicalServiceMinutes: Double?
    }

    struct WindowInput: Decodable {
        var number: Int
        var name: String
        var serviceIDs: [String]
    }

    var code: String
    var centerName: String
    var centerPhone: String
    var publicBaseURL: String
    var adminPassword: String
    var services: [ServiceInput]?
    var windows: [WindowInput]?

    /// What setup asks, not yet validated.
    var setup: CenterSetup {
        CenterSetup(
            centerName: centerName, centerPhone: centerPhone, publicBaseURL: publicBaseURL, adminPassword: adminPassword,
            services: services?.map { Service(id: $0.id, name: $0.name, prefix: $0.prefix, typicalServiceMinutes: $0.typicalServiceMinutes ?? 10) },
            windows: windows?.map { ServiceWindow(number: $0.number, name: $0.name, serviceIDs: $0.serviceIDs) })
    }
}
