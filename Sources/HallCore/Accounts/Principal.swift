/// Who is making a request: a signed-in member of staff or a configured device.
public struct Principal: Codable, Sendable, Equatable {
    /// The account's user name or the device's id (e.g. `kiosk-1`): what events and the audit log record.
    public var name: String
    public var displayName: String
    public var roles: [Role]
    /// Whether this is a device (kiosk, screen) rather than a person.
    public var isDevice: Bool
    public var departmentID: String?

    public init(name: String, displayName: String, roles: [Role], isDevice: Bool, departmentID: String? = nil) {
        self.name = name
        self.displayName = displayName
        self.roles = roles
        self.isDevice = isDevice
        self.departmentID = departmentID
    }

    /// A staff member.
    public init(account: StaffAccount) {
        self.init(
            name: account.username, displayName: account.displayName, roles: account.roles, isDevice: false,
            departmentID: account.departmentID)
    }

    /// The role to record for an action: the first of the principal's roles that allows it.
    public func role(for action: Permission) -> Role? {
        roles.sorted().first { Permission.allows($0, action) }
    }

    /// The roles joined for logs and the audit record, e.g. `clerk,head`.
    public var roleList: String { roles.sorted().map(\.rawValue).joined(separator: ",") }
}
