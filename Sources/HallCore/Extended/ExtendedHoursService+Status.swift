import Foundation

extension ExtendedHoursService {
    // MARK: The day

    /// Where the hall stands now, with the closing notice while it is up.
    public func status() async throws -> ExtendedStatus {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let (dayHours, next) = try await resolve(today)
        let (session, open) = try await store.read { tx in
            (try tx.extendedSessions(from: today, through: today).last, try tx.tickets(day: today, states: TicketState.open))
        }
        var status = ExtendedStatus(
            now: now, day: today, phase: .unknown, phaseLabel: "", today: dayHours, nextOpening: next,
            closingNoticeMinutes: settings.closingNoticeMinutes, minutesToClosing: nil,
            noticeActive: false, message: nil, session: session, waiting: [], kioskRefusal: nil)
        if let dayHours {
            status.phase = phase(now, dayHours, running: session?.isActive == true, anyOpen: !open.isEmpty)
            if let closesAt = dayHours.closesAt {
                status.minutesToClosing = Int((closesAt.timeIntervalSince(now) / 60).rounded(.up))
            }
            if settings.refuseTicketsAfterClosing {
                status.kioskRefusal = TicketAdmission.refusal(at: now, today: dayHours, next: next, issuedByDevice: true)
            }
        }
        status.phaseLabel = status.phase.label
        status.noticeActive = status.phase == .closingSoon || status.phase == .extended
        if status.noticeActive, let dayHours, let closesAt = dayHours.closesAt, let closing = dayHours.closing {
            status.message = Self.noticeText(status.phase, closing: closing)
            status.waiting = try await estimates(open.filter { $0.state == .waiting }, now: now, closesAt: closesAt)
        }
        return status
    }

    /// Why the kiosk (a device) may not issue a ticket now; nil when it may. Staff are never refused.
    public func refusal(issuedByDevice: Bool) async throws -> String? {
        guard settings.refuseTicketsAfterClosing, issuedByDevice else { return nil }
        let now = clock.now()
        let (dayHours, next) = try await resolve(LocalDay(now, in: timeZone))
        guard let dayHours else { return nil }
        return TicketAdmission.refusal(at: now, today: dayHours, next: next, issuedByDevice: true)
    }

    /// The expected wait of waiting ticket `number` (today), with today's hours: for the printed slip.
    public func estimate(ticketNumber number: String) async throws -> (WaitEstimate, DayHours?) {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let status = try await queue.ticketStatus(number: number)
        guard status.ticket.state == .waiting else { throw ExtendedError.ticketNotWaiting(number) }
        let (dayHours, _) = try await resolve(today)
        let estimate = Self.estimate(status, now: now, closesAt: dayHours?.closesAt)
        return (estimate, dayHours)
    }

    // MARK: Helpers

    /// Where the hall stands at `now` on a day with `hours`.
    private func phase(_ now: Date, _ hours: DayHours, running: Bool, anyOpen: Bool) -> HallPhase {
        guard hours.isOpenDay, let opensAt = hours.opensAt, let closesAt = hours.closesAt else { return .dayOff }
        if now >= closesAt { return running || anyOpen ? .extended : .closed }
        if now < opensAt { return .beforeOpening }
        if now >= closesAt.addingTimeInterval(-Double(settings.closingNoticeMinutes) * 60) { return .closingSoon }
        return hours.isInSession(now, timeZone: timeZone) ? .open : .midday
    }

    /// The expected wait of each ticket still waiting, soonest first.
    private func estimates(_ waiting: [Ticket], now: Date, closesAt: Date) async throws -> [WaitEstimate] {
        var list: [WaitEstimate] = []
        for ticket in waiting {
            let status = try await queue.ticketStatus(id: ticket.id)
            guard status.ticket.state == .waiting else { continue }
            list.append(Self.estimate(status, now: now, closesAt: closesAt))
        }
        return list.sorted { ($0.estimatedWaitMinutes, $0.number) < ($1.estimatedWaitMinutes, $1.number) }
    }

    /// A waiting ticket's expected wait, and whether its call falls after closing.
    static func estimate(_ status: TicketStatus, now: Date, closesAt: Date?) -> WaitEstimate {
        let call = now.addingTimeInterval(Double(status.estimatedWaitMinutes) * 60)
        return WaitEstimate(
            ticketID: status.ticket.id, number: status.ticket.number, serviceID: status.ticket.serviceID,
            serviceName: status.serviceName, peopleAhead: status.peopleAhead, estimatedWaitMinutes: status.estimatedWaitMinutes,
            expectedCallAt: call, afterClosing: closesAt.map { call >= $0 } ?? false)
    }

    /// The closing notice (before closing) or the extended-service notice (after), in Chinese.
    static func noticeText(_ phase: HallPhase, closing: TimeOfDay) -> String {
        if phase == .extended {
            return "已到下班时间（\(closing)），延时服务进行中：工作人员将继续为已取号的群众办理，不收取任何费用。"
                + "如您不便继续等候，可告知工作人员，留下联系方式，办结后告知您结果。"
        }
        return "本中心今天 \(closing) 下班。下班时仍在等候或正在办理的群众，工作人员将继续为您办理（延时服务，不收取任何费用）。"
            + "请留意您的预计等候时间，自愿选择是否继续等候。"
    }
}
