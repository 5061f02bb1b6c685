import Foundation

/// A slot with its bookings, as the duty recorder reads it.
public struct SlotBookings: Sendable {
    public var slot: AppointmentSlot
    public var appointments: [Appointment]
}

extension AppointmentService {
    // MARK: Duty in the staff ledger

    /// Slots up to today whose duty has not gone to the staff ledger yet, with their bookings.
    public func slotsAwaitingDuty() async throws -> [SlotBookings] {
        let today = today()
        return try await store.read { tx in
            try tx.slotsAwaitingDuty(through: today).map { SlotBookings(slot: $0, appointments: try tx.appointments(slotID: $0.id)) }
        }
    }

    /// Marks the duty of a slot as recorded in the staff ledger (`appointment.duty_recorded`, with the
    /// minutes per staff member, 0 when nothing was recorded); its staff can no longer be changed.
    /// Marking a slot already marked changes nothing.
    @discardableResult
    public func markDutyRecorded(slotID: Int64, minutes: Int) async throws -> AppointmentSlot {
        let now = clock.now()
        return try await run { tx in
            var slot = try Self.loadSlot(slotID, tx)
            guard slot.dutyRecordedAt == nil else { return (slot, []) }
            slot.dutyRecordedAt = now
            try tx.update(slot)
            return (
                slot,
                [
                    Self.event(
                        .appointmentDutyRecorded, slot, now, "system",
                        ["staff": Self.names(slot.staff), "minutes": String(minutes)])
                ]
            )
        }
    }
}
