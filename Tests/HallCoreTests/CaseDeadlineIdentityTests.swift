import Foundation
import Testing

@testable import HallCore

/// The report's 办件时限 figures add up: over a seeded month of cases in every state, each case due
/// is counted exactly once (due = onTime + overdue + notYetDue + withdrawn, overdue = decidedLate +
/// stillOpen), and each part matches a count made straight from the records.
@Suite struct CaseDeadlineIdentityTests {
    /// A small deterministic generator (SplitMix64), so a failure names its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// A month of cases: promised on any day of November 2026, decided before, on or after it (or
    /// not yet), some withdrawn.
    static func month(seed: UInt64) -> [CaseDueRecord] {
        var random = SplitMix(state: seed)
        return (0..<240).map { index in
            let promised = LocalDay(year: 2026, month: 11, day: Int.random(in: 1...30, using: &random))
            let state = [CaseState.inReview, .accepted, .decided, .notified, .delivered, .closed, .withdrawn]
                .randomElement(using: &random) ?? .inReview
            let decided: Date? =
                [.decided, .notified, .delivered, .closed].contains(state) || (state == .withdrawn && index % 3 == 0)
                ? promised.instant(minutesAfterMidnight: 600 + Int.random(in: -9...5, using: &random) * 24 * 60, in: timeZone)
                : nil
            return CaseDueRecord(caseNumber: "BM\(index)", state: state, promisedDay: promised, decidedAt: decided)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyCaseDueIsCountedOnce(seed: UInt64) {
        let records = Self.month(seed: seed)
        for today in [1, 15, 30].map({ LocalDay(year: 2026, month: 11, day: $0) }) + [LocalDay(year: 2026, month: 12, day: 3)] {
            let f = CaseDeadlineFigures.compute(records, today: today, timeZone: Self.timeZone)
            #expect(f.due == records.count)
            #expect(f.due == f.onTime + f.overdue + f.notYetDue + f.withdrawn, "seed \(seed) as of \(today)")
            #expect(f.overdue == f.decidedLate + f.stillOpen && f.decidedLate >= 0)
            #expect(f.overdueCaseNumbers.count == f.overdue)

            // The same parts counted straight from the records.
            let live = records.filter { $0.state != .withdrawn }
            let decided = live.filter { $0.decidedAt != nil }
            let decidedDay = { (r: CaseDueRecord) in LocalDay(r.decidedAt ?? .distantPast, in: Self.timeZone) }
            #expect(f.onTime == decided.filter { decidedDay($0) <= $0.promisedDay }.count)
            #expect(f.decidedLate == decided.filter { decidedDay($0) > $0.promisedDay }.count)
            #expect(f.stillOpen == live.filter { $0.decidedAt == nil && today > $0.promisedDay }.count)
            #expect(f.notYetDue == live.filter { $0.decidedAt == nil && today <= $0.promisedDay }.count)
            #expect(f.withdrawn == records.count - live.count)
            #expect(f.summary.hasPrefix("承诺办结日在本期的办件 \(f.due) 件：按时办结 \(f.onTime) 件"))
        }
        // Late in the month the seeded cases cover every part.
        let end = CaseDeadlineFigures.compute(records, today: LocalDay(year: 2026, month: 11, day: 20), timeZone: Self.timeZone)
        #expect(end.onTime > 0 && end.decidedLate > 0 && end.stillOpen > 0 && end.notYetDue > 0 && end.withdrawn > 0)
    }
}
