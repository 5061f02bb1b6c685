/// Whether halld offers first-run setup: the facts it decides on, gathered at start.
///
/// A hall is **fresh** — and halld serves the setup page instead of the hall — only when nobody has
/// configured it yet by any route: no setup was ever completed (no setup record), no staff account
/// exists (an upgraded or restored hall is never fresh), the configuration (file, environment or
/// `--set`) does not name the center, and neither demo mode nor an initial admin password asks for
/// the accounts to be created from the configuration.
public struct FirstRun: Sendable, Equatable {
    /// A setup record exists in the database.
    public var hasSetupRecord: Bool
    /// At least one staff account exists in the database.
    public var hasAccounts: Bool
    /// `center.name` (or `center`) is set by the configuration file, the environment or a flag.
    public var centerNameConfigured: Bool
    /// `accounts.demoAccounts` is on (`make run`).
    public var demoAccounts: Bool
    /// `accounts.initialAdminPassword` (or `HALL_ADMIN_PASSWORD`) is set.
    public var initialAdminPasswordSet: Bool

    public init(
        hasSetupRecord: Bool, hasAccounts: Bool, centerNameConfigured: Bool, demoAccounts: Bool,
        initialAdminPasswordSet: Bool
    ) {
        self.hasSetupRecord = hasSetupRecord
        self.hasAccounts = hasAccounts
        self.centerNameConfigured = centerNameConfigured
        self.demoAccounts = demoAccounts
        self.initialAdminPasswordSet = initialAdminPasswordSet
    }

    /// Whether the hall is fresh: setup is offered and the first account waits for it.
    public var offersSetup: Bool {
        !hasSetupRecord && !hasAccounts && !centerNameConfigured && !demoAccounts && !initialAdminPasswordSet
    }
}
