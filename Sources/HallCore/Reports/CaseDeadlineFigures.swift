import Foundation

/// A case whose promised completion day falls in a report's period, as the report needs it.
public struct CaseDueRecord: Codable, Sendable, Equatable {
    public var caseNumber: String?
    public var state: CaseState
    public var promisedDay: LocalDay
    /// When the combined result was produced (nil while still in review).
    public var decidedAt: Date?

    public init(caseNumber: String?, state: CaseState, promisedDay: LocalDay, decidedAt: Date?) {
        self.caseNumber = caseNumber
        self.state = state
        self.promisedDay = promisedDay
        self.decidedAt = decidedAt
    }
}

/// The cases promised in a period and where each stands. Every case due is counted exactly once:
///
///     due = onTime + overdue + notYetDue + withdrawn
///     overdue = decidedLate + stillOpen
///
/// (`onTime`: decided by the end of its promised day; `overdue`: decided later, or still undecided
/// once the promised day has passed; `notYetDue`: undecided, promised day not passed yet;
/// `withdrawn`: withdrawn by the applicant, neither on time nor late.)
public struct CaseDeadlineFigures: Codable, Sendable, Equatable {
    /// Cases whose promised day is in the period.
    public var due: Int
    public var onTime: Int
    /// Decided late, or still undecided past the promised day (as of the report's day).
    public var overdue: Int
    /// Of `overdue`, those still undecided.
    public var stillOpen: Int
    /// Undecided, and the promised day is today or later: still within time.
    public var notYetDue: Int
    /// Withdrawn by the applicant before a decision.
    public var withdrawn: Int
    /// Numbers of the overdue cases, for the head to chase.
    public var overdueCaseNumbers: [String]

    /// Of `overdue`, those decided after the promised day.
    public var decidedLate: Int { overdue - stillOpen }

    public init(
        due: Int = 0, onTime: Int = 0, overdue: Int = 0, stillOpen: Int = 0, notYetDue: Int = 0, withdrawn: Int = 0,
        overdueCaseNumbers: [String] = []
    ) {
        self.due = due
        self.onTime = onTime
        self.overdue = overdue
        self.stillOpen = stillOpen
        self.notYetDue = notYetDue
        self.withdrawn = withdrawn
        self.overdueCaseNumbers = overdueCaseNumbers
    }

    /// The sentence the report prints: every part named, so the parts visibly add up to `due`.
    public var summary: String {
        "承诺办结日在本期的办件 \(due) 件：按时办结 \(onTime) 件，逾期 \(overdue) 件（逾期办结 \(decidedLate) 件，"
            + "逾期未办结 \(stillOpen) 件），未到期在办 \(notYetDue) 件，申请人撤回 \(withdrawn) 件"
    }

    /// Classifies `records` as of `today` in `timeZone`: a case is on time when decided by the end
    /// of its promised day; overdue when decided later or undecided once the promised day has passed;
    /// not yet due when undecided and the promised day has not passed; withdrawn cases apart.
    public static func compute(_ records: [CaseDueRecord], today: LocalDay, timeZone: TimeZone) -> CaseDeadlineFigures {
        var figures = CaseDeadlineFigures(due: records.count)
        for r in records {
            if let decided = r.decidedAt, r.state != .withdrawn {
                if LocalDay(decided, in: timeZone) <= r.promisedDay {
                    figures.onTime += 1
                } else {
                    figures.overdue += 1
                    figures.overdueCaseNumbers.append(r.caseNumber ?? "-")
                }
            } else if r.state == .withdrawn {
                figures.withdrawn += 1
            } else if today > r.promisedDay {
                figures.overdue += 1
                figures.stillOpen += 1
                figures.overdueCaseNumbers.append(r.caseNumber ?? "-")
            } else {
                figures.notYetDue += 1
            }
        }
        return figures
    }
}
