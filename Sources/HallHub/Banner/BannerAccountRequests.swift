import HallCore

/// `POST /api/session`: a sign-in.
public struct BannerSignIn: Codable, Sendable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// `POST /api/accounts`: a new banner account.
public struct BannerAccountCreation: Codable, Sendable {
    public var username: String
    public var displayName: String
    public var role: BannerRole
    public var password: String

    public init(username: String, displayName: String, role: BannerRole, password: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.password = password
    }
}

/// `PATCH /api/accounts/{username}`: what to change (absent: unchanged).
public struct BannerAccountChange: Codable, Sendable {
    public var displayName: String?
    public var role: BannerRole?
    public var isActive: Bool?
    public var password: String?

    public init(displayName: String? = nil, role: BannerRole? = nil, isActive: Bool? = nil, password: String? = nil) {
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
        self.password = password
    }
}

/// `POST /api/halls`: register a hall (or find it) and issue its enrollment code.
public struct BannerHallRegistration: Codable, Sendable {
    public var hall: String
    public var name: String

    public init(hall: String, name: String) {
        self.hall = hall
        self.name = name
    }
}

/// The answer to a registration: the one-time code to give the hall's installer.
public struct BannerHallCode: Codable, Sendable {
    public var hall: String
    public var code: String
}
