import Foundation

/// A department's answer on a routed case.
public enum ReviewDecision: Codable, Sendable, Hashable {
    /// Not answered yet.
    case pending
    case approved
    case rejected(reason: String)
    /// An on-site inspection (现场核查) is needed first; the department answers again afterwards.
    case needsInspection(note: String)

    /// Whether this is a final answer (approved or rejected).
    public var isFinal: Bool {
        switch self {
        case .approved, .rejected: true
        case .pending, .needsInspection: false
        }
    }

    /// Stable short name: `pending`, `approved`, `rejected`, `needs_inspection`.
    public var name: String {
        switch self {
        case .pending: "pending"
        case .approved: "approved"
        case .rejected: "rejected"
        case .needsInspection: "needs_inspection"
        }
    }
}

/// One department's review of a case. Every department of the item gets one at routing time and
/// reviews independently (并联审批: none is a precondition of another).
public struct DepartmentReview: Codable, Sendable, Hashable {
    public var department: Department
    public var decision: ReviewDecision
    /// Who answered last (the department's user).
    public var reviewer: String?
    public var answeredAt: Date?
    /// Earlier non-final answers (needs-inspection notes), oldest first.
    public var history: [ReviewDecision]

    public init(department: Department) {
        self.department = department
        self.decision = .pending
        self.history = []
    }
}

/// The combined result the window tells the applicant once.
public enum CaseResult: Codable, Sendable, Hashable {
    /// Every department approved.
    case approved
    /// At least one department rejected; every rejection with its department and reason.
    case rejected(reasons: [DepartmentReason])

    public var isApproved: Bool { self == .approved }
}

/// A rejection reason attributed to its department.
public struct DepartmentReason: Codable, Sendable, Hashable {
    public var department: Department
    public var reason: String
}
