import Foundation
import HallCore
import HallIDCard

extension IDCardFeature {
    /// The kiosk: reads the card and issues the ticket through the ticket desk (the one issue path),
    /// the per-person limits checked and the ticket recorded under the person's keyed hash inside
    /// the transaction that issues it: two cards of one person at once get no more than the limit.
    func ticket(service: String, wait: Double?, by principal: Principal?) async throws -> IDCardResponses.CardTicket {
        guard let station = readers.kiosk(principal?.name) else { throw IDCardReaderError.noReader }
        let holder = try await readers.read(station, waitMilliseconds: settings.waitMilliseconds(asked: wait))
        if holder.isExpired(on: tickets.today) { throw IDCardError.expired }
        let admission = tickets.admission(keys.key(for: holder.idNumber), birthDate: holder.birthDate)
        let issued = try await desk.issue(
            service: service, priority: admission.priority, grantedByHall: true, rider: admission.rider, by: principal)
        return IDCardResponses.CardTicket(ticket: issued, holder: holder.maskedName)
    }

    /// Checks in today's booking of the card's holder (found by the booking's ID number): on the
    /// kiosk's reader, or — a clerk giving `window` — on the reader of the window they work at
    /// (audited like any read there).
    func checkIn(window: Int?, wait: Double?, principal: Principal?, from address: String?) async throws -> AppointmentResponses.CheckIn {
        let actor = principal?.name
        let holder: IDCardHolder
        if let window {
            holder = try await self.holder(window: window, wait: wait, principal: principal, from: address)
        } else {
            guard let station = readers.kiosk(actor) else { throw IDCardReaderError.noReader }
            holder = try await readers.read(station, waitMilliseconds: settings.waitMilliseconds(asked: wait))
        }
        let today = tickets.today
        let bookings = try await appointments.lookup(phoneOrIDNumber: holder.idNumber.value)
        guard let booking = bookings.first(where: { $0.day == today && $0.contact.idNumber == holder.idNumber && $0.state == .booked })
            ?? bookings.first(where: { $0.day == today && $0.contact.idNumber == holder.idNumber })
        else { throw CardTicketError.noBookingToday }
        let done = try await appointments.checkIn(appointmentID: booking.id, actor: actor)
        return AppointmentResponses.CheckIn(appointment: done.appointment.publicView, ticket: await desk.handOut(done.ticket))
    }

    /// A clerk: the card on the reader of `window`, the window they work at (`WindowReaderAccess`),
    /// for the case form or an identity check. Every read and every refused one is audited (who,
    /// which window, the outcome), without the card's data.
    func read(window: Int, wait: Double?, principal: Principal?, from address: String?) async throws -> IDCardResponses.Holder {
        IDCardResponses.Holder(try await holder(window: window, wait: wait, principal: principal, from: address), today: tickets.today)
    }

    /// The card on the reader of `window`, read for `principal` who works there; audited.
    func holder(window: Int, wait: Double?, principal: Principal?, from address: String?) async throws -> IDCardHolder {
        guard let station = readers.station(window: window) else { throw IDCardReaderError.noReader }
        do {
            try await checkSeat(principal, window: window)
        } catch let refused as WindowReaderError {
            await auditRead(window: window, outcome: refused.code, principal: principal, from: address)
            throw refused
        }
        do throws(IDCardReaderError) {
            let holder = try await readers.read(station, waitMilliseconds: settings.waitMilliseconds(asked: wait))
            await auditRead(window: window, outcome: "ok", principal: principal, from: address)
            return holder
        } catch {
            await auditRead(window: window, outcome: error.code, principal: principal, from: address)
            throw error
        }
    }

    /// Throws `WindowReaderError` unless `principal` works at `window`.
    private func checkSeat(_ principal: Principal?, window: Int) async throws {
        let username = principal?.name ?? ""
        let onDuty = try await posts.service.post(window: window).onDuty?.username
        try WindowReaderAccess.check(username, window: window, seats: posts.seats.current, onDuty: onDuty)
    }

    private func auditRead(window: Int, outcome: String, principal: Principal?, from address: String?) async {
        guard let principal else { return }
        let record = AuditRecord(
            at: clock.now(), actor: principal.name, role: principal.role(for: .handleCase)?.rawValue ?? principal.roleList,
            action: "idcard.read", target: "window:\(window)", detail: ["outcome": outcome], remoteAddress: address)
        try? await audit.record(record)
    }
}
