import Foundation

extension LedgerService {
    // MARK: Compensatory time off

    /// Grants `hours` of leave on working day `day` to `staff`. Refused unless leave is owed
    /// (balance ≥ threshold) and the hours fit in the balance.
    public func grantLeave(staff: String, day: LocalDay, hours: Double, note: String, by actor: String) async throws -> LeaveGrant {
        guard hours >= 0.5, hours <= 24, (hours * 2).rounded() == hours * 2 else { throw LedgerError.invalidHours(hours) }
        guard try await accounts.account(staff) != nil else { throw LedgerError.unknownStaff(staff) }
        guard try await calendar().isWorkingDay(day) else { throw LedgerError.leaveOnDayOff(day) }
        let minutes = Int((hours * 60).rounded())
        let now = clock.now()
        let threshold = thresholdMinutes
        return try await run { tx in
            let balance = try Self.balance(staff, tx: tx, threshold: threshold)
            guard balance.owesLeave else {
                throw LedgerError.leaveNotOwed(staff: staff, balanceMinutes: balance.balanceMinutes, thresholdMinutes: threshold)
            }
            guard minutes <= balance.balanceMinutes else {
                throw LedgerError.leaveExceedsBalance(hours: hours, balanceMinutes: balance.balanceMinutes)
            }
            let grant = try tx.insertLeaveGrant(
                LeaveGrant(
                    staff: staff, day: day, minutes: minutes,
                    note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                    grantedBy: actor, grantedAt: now))
            let event = HallEvent(
                type: .leaveGranted, at: now, actor: actor,
                data: [
                    "grantID": String(grant.id), "staff": staff, "day": day.description,
                    "minutes": String(minutes), "balanceMinutes": String(balance.balanceMinutes - minutes),
                ])
            return (grant, [event])
        }
    }

    /// Records that granted leave was taken (on or after its day).
    public func markTaken(grantID: Int64, by actor: String) async throws -> LeaveGrant {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await changeGrant(grantID, type: .leaveTaken, by: actor) { grant in
            guard today >= grant.day else { throw LedgerError.leaveNotYetDue(grant.day) }
            grant.state = .taken
            grant.takenAt = now
            grant.takenRecordedBy = actor
        }
    }

    /// Withdraws granted leave not yet taken; its time returns to the balance.
    public func cancelLeave(grantID: Int64, reason: String, by actor: String) async throws -> LeaveGrant {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LedgerError.reasonRequired }
        let now = clock.now()
        return try await changeGrant(grantID, type: .leaveCancelled, by: actor) { grant in
            grant.state = .cancelled
            grant.cancelledAt = now
            grant.cancelledBy = actor
            grant.note = grant.note.isEmpty ? "撤销：\(why)" : "\(grant.note)；撤销：\(why)"
        }
    }

    /// Leave grants (of `staff` only when given).
    public func leave(staff: String? = nil) async throws -> [LeaveGrant] {
        try await store.read { try $0.leaveGrants(staff: staff) }
    }

    // MARK: Helpers

    /// Applies `change` to a grant still pending and logs a `type` event.
    private func changeGrant(
        _ id: Int64, type: EventType, by actor: String,
        _ change: @escaping @Sendable (inout LeaveGrant) throws -> Void
    ) async throws -> LeaveGrant {
        let now = clock.now()
        return try await run { tx in
            guard var grant = try tx.leaveGrant(id: id) else { throw LedgerError.unknownGrant(id) }
            guard grant.state == .granted else { throw LedgerError.grantNotPending(id: id, state: grant.state) }
            try change(&grant)
            try tx.updateLeaveGrant(grant)
            return (
                grant,
                [
                    HallEvent(
                        type: type, at: now, actor: actor,
                        data: [
                            "grantID": String(id), "staff": grant.staff, "day": grant.day.description,
                            "minutes": String(grant.minutes),
                        ])
                ]
            )
        }
    }
}
