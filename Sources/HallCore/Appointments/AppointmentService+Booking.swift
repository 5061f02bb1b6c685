import Foundation

extension AppointmentService {
    // MARK: Booking

    /// Books a place for a resident. Refused when the slot is less than two working days ahead, full,
    /// not open for the item, already booked by the person, or the person is suspended.
    public func book(_ request: BookingRequest, clerk: String) async throws -> Appointment {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let settings = settings
        let contact = try ResidentContact.parse(name: request.name, phone: request.phone, idNumber: request.idNumber, today: today)
        let wish = request.request.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wish.isEmpty else { throw AppointmentError.missingField("办理诉求（群众要办什么）") }
        return try await run { tx in
            let slot = try Self.loadSlot(request.slotID, tx)
            try BookingLeadTime.check(
                bookedOn: today, for: slot.day, workingDays: settings.leadWorkingDays,
                calendar: try tx.calendar())
            let item = try tx.requireCatalog().item(request.itemID)
            guard slot.allows(itemID: item.id) else { throw AppointmentError.itemNotInSlot(item: item.name, slot: slot.label) }
            if let active = try tx.suspensions(person: contact.personKey).last(where: { $0.isActive(at: now) }) {
                throw AppointmentError.suspended(until: LocalDay(active.endsAt, in: self.timeZone))
            }
            if try tx.appointments(slotID: slot.id).contains(where: { $0.state.holdsPlace && $0.personKey == contact.personKey }) {
                throw AppointmentError.alreadyBooked(slot.label)
            }
            guard try tx.placesTaken(slotID: slot.id) < slot.capacity else { throw AppointmentError.slotFull(slot.label) }
            let code = try Self.freshCode(tx)
            let booked = try tx.insert(
                Appointment(
                    code: code, slot: slot, item: item, contact: contact, request: wish,
                    channel: request.channel, bookedBy: clerk, bookedAt: now, bookedOn: today))
            return (booked, [Self.event(.appointmentBooked, booked, now, clerk, ["channel": booked.channel.rawValue])])
        }
    }

    /// Cancels a booking before its day. With `reason` (an accepted one, recorded by the clerk) the
    /// cancellation is excused; without, it counts towards suspension.
    public func cancel(appointmentID: Int64, reason: String?, clerk: String) async throws -> Appointment {
        let now = clock.now()
        let excuse = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        return try await run { tx in
            var a = try Self.loadAppointment(appointmentID, tx)
            guard a.state == .booked else { throw AppointmentError.invalidState(action: "取消", state: a.state) }
            a.state = .cancelled
            a.cancelledAt = now
            a.cancelledBy = clerk
            a.excuse = excuse
            a.excusedBy = excuse == nil ? nil : clerk
            try tx.update(a)
            var events = [Self.event(.appointmentCancelled, a, now, clerk, ["excused": excuse == nil ? "false" : "true"])]
            events += try self.suspendIfDue(a.personKey, tx, now)
            return (a, events)
        }
    }

    /// Records an accepted reason for a cancellation (or a missed booking) afterwards: it no longer
    /// counts, and breaks the streak. An existing suspension stays until the head lifts it.
    public func excuse(appointmentID: Int64, reason: String, clerk: String) async throws -> Appointment {
        let now = clock.now()
        guard let excuse = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw AppointmentError.reasonRequired("登记取消理由")
        }
        return try await run { tx in
            var a = try Self.loadAppointment(appointmentID, tx)
            guard a.isUnexcusedCancellation else { throw AppointmentError.invalidState(action: "登记取消理由", state: a.state) }
            a.excuse = excuse
            a.excusedBy = clerk
            try tx.update(a)
            return (a, [Self.event(.appointmentExcused, a, now, clerk)])
        }
    }

    /// A booking code no booking has yet.
    private static func freshCode(_ tx: any AppointmentTransaction) throws -> String {
        for _ in 0..<50 {
            let code = BookingCode.random()
            if try tx.appointment(code: code) == nil { return code }
        }
        throw AppointmentError.codesExhausted
    }
}
