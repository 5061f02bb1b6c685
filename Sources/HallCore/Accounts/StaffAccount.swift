import Foundation

/// A member of staff who signs in to the console or the admin pages. The password hash is kept
/// by the store and never leaves it in this type.
public struct StaffAccount: Codable, Sendable, Equatable {
    /// Sign-in name: ASCII letters, digits, `.`, `-`, `_`; 2…32 characters.
    public var username: String
    /// Name shown in the console (a staff member's own name; not a resident's personal data).
    public var displayName: String
    public var roles: [Role]
    /// The department a reviewer belongs to, if any.
    public var departmentID: String?
    /// A deactivated account cannot sign in; its sessions end.
    public var isActive: Bool

    public init(username: String, displayName: String, roles: [Role], departmentID: String? = nil, isActive: Bool = true) {
        self.username = username
        self.displayName = displayName
        self.roles = Array(Set(roles)).sorted()
        self.departmentID = departmentID
        self.isActive = isActive
    }

    /// Checks the sign-in name and the roles of a new or changed account.
    public static func validate(username: String, roles: [Role]) throws {
        let allowed = username.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
        guard (2...32).contains(username.count), allowed else { throw AccessError.invalidUsername(username) }
        guard !roles.isEmpty else { throw AccessError.noRoles }
        if let device = roles.first(where: \.isDevice) { throw AccessError.deviceRoleForStaff(device) }
    }

    /// Checks a display name (printed on notices and confirmations): 1–32 characters once trimmed,
    /// no control characters and no bidirectional overrides.
    public static func validate(displayName: String) throws {
        let trimmed = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...32).contains(trimmed.count),
            !displayName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        else { throw AccessError.invalidDisplayName }
    }

    /// Checks a new password: at least 8 characters, not only digits, not the user name.
    public static func validate(password: String, username: String) throws {
        guard password.count >= 8, password.count <= 72 else { throw AccessError.weakPassword }
        guard !password.allSatisfy(\.isNumber), password.lowercased() != username.lowercased() else { throw AccessError.weakPassword }
    }
}
