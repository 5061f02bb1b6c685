/// Which department a signed-in principal reviews for (并联办理).
///
/// A reviewer acts only for the department of their account; the center head, who coordinates and
/// chases every department, may act for any department but must name it.
public enum ReviewerScope {
    /// The department `principal` acts for, given the department the request names (if any).
    /// - Parameter name: turns a department id into its Chinese name for messages.
    /// - Throws: `ReviewAccessError` when the principal may not act for that department.
    public static func department(
        for principal: Principal, requested: String?,
        name: (String) -> String = { $0 }
    ) throws -> String {
        let requested = requested?.trimmingCharacters(in: .whitespaces).nonEmpty
        let own = principal.departmentID?.trimmingCharacters(in: .whitespaces).nonEmpty
        if principal.roles.contains(.head) {
            guard let department = requested ?? own else { throw ReviewAccessError.departmentRequired }
            return department
        }
        guard let own else { throw ReviewAccessError.noDepartment(user: principal.name) }
        if let requested, requested != own {
            throw ReviewAccessError.otherDepartment(own: name(own), requested: name(requested))
        }
        return own
    }
}
