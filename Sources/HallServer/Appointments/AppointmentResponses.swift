import HallCore
import HallPrinter
import HallStore

/// JSON answers of the appointment API (the home-visit API shares `DocumentPrint`).
enum AppointmentResponses {
    /// A booking for staff, with where its printable confirmation is.
    struct Booking: Encodable {
        var appointment: Appointment
        var confirmationURL: String
    }

    /// A slot with its bookings (staff).
    struct SlotDetail: Encodable {
        var slot: SlotAvailability
        var appointments: [Appointment]
    }

    /// What a member of staff is on duty for.
    struct Duty: Encodable {
        var slots: [SlotAvailability]
        var visits: [HomeVisit]
    }

    /// A printed document's outcome and where to download it.
    struct DocumentPrint: Encodable {
        var url: String
        var print: NoticePrintReport
    }

    /// The kiosk's (and the clerk's) answer to a check-in: the masked booking, the priority ticket
    /// (flat, like a ticket issued at the kiosk) and what happened to its printout.
    struct CheckIn: Encodable {
        let appointment: PublicAppointment
        let ticket: KioskTicket

        private enum CodingKeys: String, CodingKey { case appointment }

        func encode(to encoder: Encoder) throws {
            try ticket.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(appointment, forKey: .appointment)
        }
    }
}
