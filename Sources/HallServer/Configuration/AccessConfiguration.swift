import HallCore

extension HallConfiguration {
    /// Staff sign-in: sessions, throttling, password hashing and first-start accounts.
    public struct Accounts: Codable, Sendable, Equatable {
        /// A session ends after this many minutes without a request.
        public var sessionIdleMinutes: Double
        /// A session ends this many hours after sign-in, however busy.
        public var sessionAbsoluteHours: Double
        /// Failed sign-ins per user name before attempts are refused for a growing delay.
        public var throttleFreeFailures: Int
        /// Failed sign-ins per remote address before that address is refused for a growing delay.
        public var throttleFreeFailuresPerAddress: Int
        /// The first lock-out in seconds; it doubles with every further failure.
        public var throttleBaseDelaySeconds: Double
        public var throttleMaxDelaySeconds: Double
        /// bcrypt cost (log2 rounds), 4…31. 12 in production; tests use a low cost.
        public var passwordCost: Int
        /// Initial password of the `admin` account created on first start (also `HALL_ADMIN_PASSWORD`).
        /// Empty: a random one is written to `<stateDirectory>/initial-admin-password`.
        public var initialAdminPassword: String
        /// Seed documented demo accounts and demo device tokens on first start (`make run` only).
        public var demoAccounts: Bool

        public init(sessionIdleMinutes: Double = 30, sessionAbsoluteHours: Double = 12, throttleFreeFailures: Int = 5,
                    throttleFreeFailuresPerAddress: Int = 20, throttleBaseDelaySeconds: Double = 30,
                    throttleMaxDelaySeconds: Double = 900, passwordCost: Int = 12, initialAdminPassword: String = "",
                    demoAccounts: Bool = false) {
            self.sessionIdleMinutes = sessionIdleMinutes
            self.sessionAbsoluteHours = sessionAbsoluteHours
            self.throttleFreeFailures = throttleFreeFailures
            self.throttleFreeFailuresPerAddress = throttleFreeFailuresPerAddress
            self.throttleBaseDelaySeconds = throttleBaseDelaySeconds
            self.throttleMaxDelaySeconds = throttleMaxDelaySeconds
            self.passwordCost = passwordCost
            self.initialAdminPassword = initialAdminPassword
            self.demoAccounts = demoAccounts
        }

        var sessionPolicy: SessionPolicy {
            SessionPolicy(idleSeconds: sessionIdleMinutes * 60, absoluteSeconds: sessionAbsoluteHours * 3600)
        }
    }

    /// A kiosk or hall screen and the secret token it sends as `Authorization: Bearer …`.
    public struct DeviceCredential: Codable, Sendable, Equatable {
        /// e.g. `kiosk-1`; recorded as the actor of what the device does.
        public var id: String
        public var token: String

        public init(id: String, token: String) {
            self.id = id
            self.token = token
        }
    }

    /// Devices allowed to use the API without a staff sign-in.
    public struct Devices: Codable, Sendable, Equatable {
        /// Ticket kiosks: may issue tickets and check appointments in.
        public var kiosks: [DeviceCredential]
        /// Hall screens: may read status and the event stream (which are public anyway) and nothing else.
        public var screens: [DeviceCredential]

        public init(kiosks: [DeviceCredential] = [], screens: [DeviceCredential] = []) {
            self.kiosks = kiosks
            self.screens = screens
        }
    }
}

/// Checks the access settings of a merged configuration.
enum AccessConfigurationValidator {
    static func validate(_ c: HallConfiguration) throws {
        func fail(_ key: String, _ reason: String) -> ConfigurationError { .invalidValue(key: key, reason: reason) }
        let a = c.accounts
        guard a.sessionIdleMinutes > 0 else { throw fail("accounts.sessionIdleMinutes", "must be positive") }
        guard a.sessionAbsoluteHours > 0 else { throw fail("accounts.sessionAbsoluteHours", "must be positive") }
        guard a.throttleFreeFailures > 0 else { throw fail("accounts.throttleFreeFailures", "must be positive") }
        guard a.throttleFreeFailuresPerAddress > 0 else { throw fail("accounts.throttleFreeFailuresPerAddress", "must be positive") }
        guard (4...31).contains(a.passwordCost) else { throw fail("accounts.passwordCost", "must be 4…31") }
        if !a.initialAdminPassword.isEmpty, (try? StaffAccount.validate(password: a.initialAdminPassword, username: "admin")) == nil {
            throw fail("accounts.initialAdminPassword", "too weak: at least 8 characters, not only digits")
        }
        var ids = Set<String>(), tokens = Set<String>()
        for (group, list) in [("kiosks", c.devices.kiosks), ("screens", c.devices.screens)] {
            for (i, d) in list.enumerated() {
                guard !d.id.isEmpty, ids.insert(d.id).inserted else { throw fail("devices.\(group).\(i).id", "empty or duplicate id") }
                guard d.token.count >= 16, tokens.insert(d.token).inserted else {
                    throw fail("devices.\(group).\(i).token", "must be unique and at least 16 characters")
                }
            }
        }
    }
}
