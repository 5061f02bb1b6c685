import Foundation

extension HomeVisitService {
    // MARK: Quality

    /// A satisfaction follow-up call (满意度回访).
    public func recordCall(_ ref: String, outcome: SatisfactionOutcome, note: String?, by caller: String) async throws -> HomeVisit {
        let now = clock.now()
        return try await mutate(ref, .visitSatisfactionCall, caller) { visit, _ in
            try Self.require(visit, HomeVisitState.visited, "登记回访")
            var v = visit
            v.satisfactionCalls.append(
                SatisfactionCall(
                    at: now, by: caller, outcome: outcome,
                    note: note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty))
            return (v, ["outcome": outcome.rawValue])
        }
    }

    /// A random spot check (随机抽查); problems found need a note.
    public func recordSpotCheck(_ ref: String, result: SpotCheckResult, note: String?, by checker: String) async throws -> HomeVisit {
        let now = clock.now()
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if result == .problemsFound, text == nil { throw HomeVisitError.missingField("抽查发现的问题") }
        return try await mutate(ref, .visitSpotCheck, checker) { visit, _ in
            try Self.require(visit, HomeVisitState.visited, "登记抽查")
            var v = visit
            v.spotChecks.append(SpotCheck(at: now, by: checker, result: result, note: text))
            return (v, ["result": result.rawValue])
        }
    }
}
