import Foundation

/// What a completed first-run setup stored: the center and, unless the sample ones were kept, the
/// services and windows. It overrides the configuration's defaults, not what the configuration
/// file, the environment or a flag sets.
public struct SetupRecord: Codable, Sendable, Equatable {
    public var centerName: String
    public var centerPhone: String
    public var publicBaseURL: String
    public var services: [Service]?
    public var windows: [ServiceWindow]?
    public var completedAt: Date
    /// The address setup was completed from.
    public var completedFrom: String?

    public init(_ setup: CenterSetup, completedAt: Date, completedFrom: String?) {
        centerName = setup.centerName
        centerPhone = setup.centerPhone
        publicBaseURL = setup.publicBaseURL
        services = setup.services
        windows = setup.windows
        self.completedAt = completedAt
        self.completedFrom = completedFrom
    }
}
