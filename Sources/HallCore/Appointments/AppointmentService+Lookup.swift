import Foundation

extension AppointmentService {
    // MARK: Reading bookings

    /// A booking by its identifier.
    public func appointment(id: Int64) async throws -> Appointment {
        try await store.read { try Self.loadAppointment(id, $0) }
    }

    /// A booking by its code (staff).
    public func appointment(code: String) async throws -> Appointment {
        guard let normalised = BookingCode.normalise(code) else { throw AppointmentError.unknownCode }
        return try await store.read { tx in
            guard let a = try tx.appointment(code: normalised) else { throw AppointmentError.unknownCode }
            return a
        }
    }

    /// Bookings of a resident found by phone number or ID number, newest first.
    public func lookup(phoneOrIDNumber text: String) async throws -> [Appointment] {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let value: String
        if let phone = try? PhoneNumber(trimmed) {
            value = phone.value
        } else if let id = try? ChineseIDNumber(trimmed) {
            value = id.value
        } else {
            throw AppointmentError.missingField("正确的手机号或身份证号")
        }
        return try await store.read { try $0.appointments(contact: value).reversed() }
    }

    /// Bookings of a slot.
    public func appointments(slotID: Int64) async throws -> [Appointment] {
        try await store.read { tx in
            _ = try Self.loadSlot(slotID, tx)
            return try tx.appointments(slotID: slotID)
        }
    }
}
