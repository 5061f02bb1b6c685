import Foundation

extension ExtendedHoursService {
    // MARK: Replacements

    /// A clerk reports that they cannot stay at `window` for extended hours today.
    public func reportAbsence(window: Int, reason: String, clerk: String) async throws -> ExtendedReplacement {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ExtendedError.reasonRequired }
        try await requireWindow(window)
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await write { tx in
            if try tx.replacements(day: today).contains(where: { $0.window == window && $0.absentClerk == clerk }) {
                throw ExtendedError.alreadyReported(window: window, clerk: clerk)
            }
            let stored = try tx.insertReplacement(
                ExtendedReplacement(
                    day: today, window: window, absentClerk: clerk,
                    reason: why, reportedAt: now))
            return (
                stored,
                [
                    HallEvent(
                        type: .extendedAbsenceReported, at: now, window: window, actor: clerk,
                        data: ["replacementID": String(stored.id), "clerk": clerk])
                ]
            )
        }
    }

    /// The center head assigns `replacement` to `window` for today's extended hours, replacing the
    /// clerk who reported (or `absentClerk`, when nobody reported).
    public func assignReplacement(
        window: Int, replacement: String, absentClerk: String?, reason: String?,
        by actor: String
    ) async throws -> ExtendedReplacement {
        try await requireWindow(window)
        guard let account = try await accounts.account(replacement), account.isActive else {
            throw ExtendedError.unknownStaff(replacement)
        }
        guard account.roles.contains(.clerk) || account.roles.contains(.head) else { throw ExtendedError.notAClerk(replacement) }
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let named = absentClerk?.trimmingCharacters(in: .whitespaces)
        return try await write { tx in
            let reports = try tx.replacements(day: today).filter { $0.window == window }
            var record: ExtendedReplacement
            if let open = reports.last(where: { $0.state == .reported && (named == nil || named == "" || $0.absentClerk == named) }) {
                record = open
            } else {
                guard let named, !named.isEmpty else { throw ExtendedError.absentClerkRequired(window: window) }
                record = try tx.insertReplacement(
                    ExtendedReplacement(
                        day: today, window: window, absentClerk: named,
                        reason: reason?.nonEmpty ?? "中心负责人安排",
                        reportedAt: now))
            }
            guard record.absentClerk != replacement else { throw ExtendedError.sameClerk(replacement) }
            record.state = .assigned
            record.replacement = replacement
            record.assignedAt = now
            record.assignedBy = actor
            try tx.updateReplacement(record)
            return (
                record,
                [
                    HallEvent(
                        type: .extendedReplacementAssigned, at: now, window: window, actor: actor,
                        data: [
                            "replacementID": String(record.id), "absent": record.absentClerk,
                            "replacement": replacement,
                        ])
                ]
            )
        }
    }

    /// Absence reports and replacements of `day` (today when nil).
    public func replacements(day: LocalDay? = nil) async throws -> [ExtendedReplacement] {
        let day = day ?? LocalDay(clock.now(), in: timeZone)
        return try await store.read { try $0.replacements(day: day) }
    }
}
