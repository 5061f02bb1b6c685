/// Refusals of a department review that come from who is asking, not from the case.
public enum ReviewAccessError: HallFailure, Equatable {
    /// A reviewer account without a department cannot review anything.
    case noDepartment(user: String)
    /// A reviewer asked to act for (or read) another department than their own.
    case otherDepartment(own: String, requested: String)
    /// The center head must name the department they act for.
    case departmentRequired
    /// The case was not routed to the department, so its reviewers may not see it.
    case notRouted(case: String, department: String)

    public var code: String {
        switch self {
        case .noDepartment: "reviewer_without_department"
        case .otherDepartment: "other_department"
        case .departmentRequired: "department_required"
        case .notRouted: "case_not_routed_to_department"
        }
    }

    public var message: String {
        switch self {
        case .noDepartment(let user): "账号\(user)未设置所属部门，不能审核案件，请联系管理员在账号中设置部门。"
        case .otherDepartment(let own, let requested): "您属于“\(own)”，只能审核本部门的案件，不能以“\(requested)”的名义审核或查看。"
        case .departmentRequired: "请指定审核部门（department）。"
        case .notRouted(let c, let d): "案件\(c)未分送“\(d)”审核，本部门无权查看。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .departmentRequired: .invalidInput
        case .noDepartment, .otherDepartment, .notRouted: .forbidden
        }
    }
}
