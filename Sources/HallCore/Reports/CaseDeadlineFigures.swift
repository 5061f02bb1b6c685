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

/// Overdue cases of a period (from the intake store): cases promised in the period, those
/// decided on time, and those overdue — decided after the promised day, or still undecided
/// after it.
public struct CaseDeadlineFigures: Codable, Sendable, Equatable {
    /// Cases whose promised day is in the period.
    public var due: Int
    public var onTime: Int
    /// Decided late, or still undecided past the promised day (as of the report's day).
    public var overdue: Int
    /// Of `overdue`, those still undecided.
    public var stillOpen: Int
    /// Numbers of the overdue cases, for the head to chase.
    public var overdueCaseNumbers: [String]

    public init(due: Int = 0, onTime: Int = 0, overdue: Int = 0, stillOpen: Int = 0, overdueCaseNumbers: [String] = []) {
        self.due = due
        self.onTime = onTime
        self.overdue = overdue
        self.stillOpen = stillOpen
        self.overdueCaseNumbers = overdueCaseNumbers
    }

    /// Classifies `records` as of `today` in `timeZone`: a case is on time when decided by the end
    /// of its promised day; overdue when decided later or undecided once the promised day has passed;
    /// neither (still within time) when undecided and the promised day has not passed.
    public static func compute(_ records: [CaseDueRecord], today: LocalDay, timeZone: TimeZone) -> CaseDeadlineFigures {
        var figures = CaseDeadlineFigures(due: records.count)
        for r in records where r.state != .withdrawn {
            if let decided = r.decidedAt {
                if LocalDay(decided, in: timeZone) <= r.promisedDay {
                    figures.onTime += 1
                } else {
                    figures.overdue += 1
                    figures.overdueCaseNumbers.append(r.caseNumber ?? "-")
                }
            } else if today > r.promisedDay {
                figures.overdue += 1
                figures.stillOpen += 1
                figures.overdueCaseNumbers.append(r.caseNumber ?? "-")
            }
        }
        return figures
    }
}
