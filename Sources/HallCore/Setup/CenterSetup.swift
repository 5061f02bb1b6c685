import Foundation

/// What first-run setup asks: the center, the address residents' phones use, the administrator's
/// password, and the services and windows (none: the sample ones the hall ships with).
public struct CenterSetup: Codable, Sendable, Equatable {
    public var centerName: String
    public var centerPhone: String
    /// The base URL residents' phones reach (printed in every ticket's QR code).
    public var publicBaseURL: String
    public var adminPassword: String
    /// nil: keep the configured (sample) services and windows.
    public var services: [Service]?
    public var windows: [ServiceWindow]?

    public init(
        centerName: String, centerPhone: String, publicBaseURL: String, adminPassword: String,
        services: [Service]? = nil, windows: [ServiceWindow]? = nil
    ) {
        self.centerName = centerName
        self.centerPhone = centerPhone
        self.publicBaseURL = publicBaseURL
        self.adminPassword = adminPassword
        self.services = services
        self.windows = windows
    }

    /// The request with its text trimmed, or the first problem with it.
    public func validated() throws -> CenterSetup {
        var setup = self
        setup.centerName = centerName.trimmingCharacters(in: .whitespacesAndNewlines)
        setup.centerPhone = centerPhone.trimmingCharacters(in: .whitespacesAndNewlines)
        setup.publicBaseURL = Self.normalizedURL(publicBaseURL)
        guard (2...40).contains(setup.centerName.count), Self.isPlainLine(setup.centerName) else { throw SetupError.invalidCenterName }
        guard Self.isPhone(setup.centerPhone) else { throw SetupError.invalidPhone }
        guard Self.isBaseURL(setup.publicBaseURL) else { throw SetupError.invalidPublicURL(publicBaseURL) }
        try StaffAccount.validate(password: adminPassword, username: "admin")
        switch (services, windows) {
        case (nil, nil): break
        case (let services?, let windows?):
            setup.services = try SetupCatalog.validated(services: services)
            setup.windows = try SetupCatalog.validated(windows: windows, services: setup.services ?? [])
        default: throw SetupError.servicesWithoutWindows
        }
        return setup
    }

    /// One line of text: no control characters (no line breaks either), no direction overrides.
    static func isPlainLine(_ text: String) -> Bool {
        TextRules.problem(in: text) == nil && !text.contains(where: \.isNewline)
    }

    static func isPhone(_ text: String) -> Bool {
        (5...20).contains(text.count) && text.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
            && text.filter(\.isASCIIDigit).count >= 5
    }

    static func normalizedURL(_ text: String) -> String {
        var url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `http(s)://host[:port]`, nothing after it (the pages live at the root).
    static func isBaseURL(_ text: String) -> Bool {
        guard text.count <= 200, isPlainLine(text), let parts = URLComponents(string: text),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host, !host.isEmpty, parts.user == nil, parts.password == nil,
            parts.query == nil, parts.fragment == nil, parts.path.isEmpty
        else { return false }
        return true
    }
}
