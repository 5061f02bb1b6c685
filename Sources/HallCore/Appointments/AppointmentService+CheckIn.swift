import Foundation

extension AppointmentService {
    // MARK: Check-in

    /// Checks a booking in by its code (kiosk or clerk) and issues a priority ticket.
    public func checkIn(code: String, actor: String?) async throws -> AppointmentCheckIn {
        guard let normalised = BookingCode.normalise(code) else { throw AppointmentError.unknownCode }
        return try await checkIn(actor: actor) { tx in
            guard let a = try tx.appointment(code: normalised) else { throw AppointmentError.unknownCode }
            return a
        }
    }

    /// Checks a booking in by its identifier (a clerk who looked the resident up by phone or ID number).
    public func checkIn(appointmentID: Int64, actor: String?) async throws -> AppointmentCheckIn {
        try await checkIn(actor: actor) { try Self.loadAppointment(appointmentID, $0) }
    }

    /// Marks the booking checked in, issues the priority ticket through the queue, then records the
    /// ticket on the booking. A booking marked checked in whose ticket was never recorded (the daemon
    /// stopped in between) can be checked in again; a failed issue puts the booking back.
    private func checkIn(
        actor: String?, find: @escaping @Sendable (any AppointmentTransaction) throws -> Appointment
    )
        async throws -> AppointmentCheckIn
    {
        let now = clock.now()
        let earlyMinutes = settings.checkInEarlyMinutes
        let timeZone = timeZone
        let (claimed, previous) = try await store.write { tx -> (Appointment, Appointment) in
            let a = try find(tx)
            switch a.state {
            case .booked: break
            case .checkedIn:
                if let number = a.ticketNumber { throw AppointmentError.alreadyCheckedIn(ticket: number) }
            case .cancelled, .missed:
                throw AppointmentError.invalidState(action: "签到", state: a.state)
            }
            try Self.checkWindow(a, now: now, earlyMinutes: earlyMinutes, timeZone: timeZone)
            var claimed = a
            claimed.state = .checkedIn
            claimed.checkedInAt = now
            claimed.checkedInBy = actor
            try tx.update(claimed)
            return (claimed, a)
        }
        let issued: IssuedTicket
        do {
            issued = try await queue.issue(serviceKey: claimed.serviceID, priority: .appointment, actor: actor)
        } catch {
            _ = try? await store.write { tx in try tx.update(previous) }
            throw error
        }
        let done = try await run { tx in
            var a = try Self.loadAppointment(claimed.id, tx)
            a.ticketID = issued.ticket.id
            a.ticketNumber = issued.ticket.number
            try tx.update(a)
            return (a, [Self.event(.appointmentCheckedIn, a, now, actor ?? "kiosk", ["ticket": issued.ticket.number])])
        }
        return AppointmentCheckIn(appointment: done, ticket: issued)
    }

    /// Refuses a check-in outside the booked time (opening `earlyMinutes` before it).
    static func checkWindow(_ a: Appointment, now: Date, earlyMinutes: Int, timeZone: TimeZone) throws {
        let today = LocalDay(now, in: timeZone)
        let start = a.time.start(on: a.day, in: timeZone)
        let end = a.time.end(on: a.day, in: timeZone)
        let slotText = "\(AppointmentError.date(a.day)) \(a.time)"
        if now >= end { throw AppointmentError.checkInClosed(slotText) }
        guard a.day == today else { throw AppointmentError.notToday(a.day) }
        let opens = start.addingTimeInterval(-Double(earlyMinutes) * 60)
        guard now >= opens else {
            let minute = max(0, a.time.startMinute - earlyMinutes)
            throw AppointmentError.tooEarlyToCheckIn(slot: slotText, from: SlotTime.text(minute))
        }
    }
}
