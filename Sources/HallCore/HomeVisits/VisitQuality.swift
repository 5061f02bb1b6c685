import Foundation

/// What a satisfaction follow-up call (满意度回访) found.
public enum SatisfactionOutcome: String, Codable, Sendable, CaseIterable {
    case verySatisfied = "very_satisfied"
    case satisfied
    case neutral
    case dissatisfied
    /// Nobody answered.
    case unreachable

    public var label: String {
        switch self {
        case .verySatisfied: "非常满意"
        case .satisfied: "满意"
        case .neutral: "基本满意"
        case .dissatisfied: "不满意"
        case .unreachable: "未接通"
        }
    }
}

/// A satisfaction follow-up call recorded against a visit.
public struct SatisfactionCall: Codable, Sendable, Hashable {
    public var at: Date
    /// Who called.
    public var by: String
    public var outcome: SatisfactionOutcome
    public var note: String?
}

/// The result of a random spot check (随机抽查).
public enum SpotCheckResult: String, Codable, Sendable, CaseIterable {
    /// Handled properly.
    case passed
    /// Problems found (the note says which).
    case problemsFound = "problems_found"

    public var label: String {
        switch self {
        case .passed: "合格"
        case .problemsFound: "发现问题"
        }
    }
}

/// A random spot check recorded against a visit.
public struct SpotCheck: Codable, Sendable, Hashable {
    public var at: Date
    /// Who checked.
    public var by: String
    public var result: SpotCheckResult
    public var note: String?
}
