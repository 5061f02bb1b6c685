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
        /// bcrypt cost (log2 rounds), 4…31. 10 in production (OWASP's minimum for bcrypt; a sign-in
        /// then takes well under 0.5 s on the hall's PC); tests use a low cost. Hashes made at
        /// another cost are replaced at the next good sign-in.
        public var passwordCost: Int
        /// Initial password of the `admin` account created on first start (also `HALL_ADMIN_PASSWORD`).
        /// Empty: a random one is written to `<stateDirectory>/initial-admin-password`.
        public var initialAdminPassword: String
        /// Seed documented demo accounts and demo device tokens on first start (`make run` only).
        public var demoAccounts: Bool

        public init(
            sessionIdleMinutes: Double = 30, sessionAbsoluteHours: Double = 12, throttleFreeFailures: Int = 5,
            throttleFreeFailuresPerAddress: Int = 20, throttleBaseDelaySeconds: Double = 30,
            throttleMaxDelaySeconds: Double = 900, passwordCost: Int = 10, initialAdminPassword: String = "",
            demoAccounts: Bool = false
        ) {
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
        /// Rating pads (评价器), one facing the resident at a window: may show the ticket just
        /// finished at their own window and submit its rating, nothing else.
        public var ratingPads: [RatingPadCredential]

        public init(kiosks: [DeviceCredential] = [], screens: [DeviceCredential] = [], ratingPads: [RatingPadCredential] = []) {
            self.kiosks = kiosks
            self.screens = screens
            self.ratingPads = ratingPads
        }
    }

    /// A rating pad, its token and the window it faces.
    public struct RatingPadCredential: Codable, Sendable, Equatable {
        /// e.g. `pad-3`; recorded with the ratings it submits.
        public var id: String
        public var token: String
        /// The window number the pad stands at.
        public var window: Int

        public init(id: String, token: String, window: Int) {
            self.id = id
            self.token = token
            self.window = window
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
        let pads = c.devices.ratingPads.map { HallConfiguration.DeviceCredential(id: $0.id, token: $0.token) }
        for (group, list) in [("kiosks", c.devices.kiosks), ("screens", c.devices.screens), ("ratingPads", pads)] {
            for (i, d) in list.enumerated() {
                guard !d.id.isEmpty, ids.insert(d.id).inserted else { throw fail("devices.\(group).\(i).id", "empty or duplicate id") }
                guard d.token.count >= 16, tokens.insert(d.token).inserted else {
                    throw fail("devices.\(group).\(i).token", "must be unique and at least 16 characters")
                }
            }
        }
        for (i, pad) in c.devices.ratingPads.enumerated() where !c.windows.contains(where: { $0.number == pad.window }) {
            throw fail("devices.ratingPads.\(i).window", "no window \(pad.window) is configured")
        }
        let r = c.ratings
        guard (0...60).contains(r.followUpWorkingDays) else { throw fail("ratings.followUpWorkingDays", "must be 0…60") }
        guard r.ratingValidHours > 0 else { throw fail("ratings.ratingValidHours", "must be positive") }
        guard r.padShowMinutes > 0 else { throw fail("ratings.padShowMinutes", "must be positive") }
    }
}
