import Foundation

/// A booking of a weekend/holiday slot by a resident (预约服务).
public struct Appointment: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier (0 before storing).
    public var id: Int64
    /// The booking code (预约码) the resident checks in with at the kiosk. Never shown on public
    /// surfaces other than the resident's own confirmation.
    public var code: String
    public var slotID: Int64
    /// The slot's day and time, copied at booking.
    public var day: LocalDay
    public var time: SlotTime
    /// The queue service of the priority ticket.
    public var serviceID: String
    public var itemID: String
    public var itemName: String
    /// The item's Mongolian name (``CatalogItem/nameMn``) when the request was recorded, if any.
    public var itemNameMn: String?
    /// The materials to bring, as the catalog listed them when the booking was made.
    public var materials: [Material]
    public var contact: ResidentContact
    /// What the resident wants done (办理诉求).
    public var request: String
    public var channel: BookingChannel
    public var state: AppointmentState
    /// The clerk who took the booking.
    public var bookedBy: String
    public var bookedAt: Date
    public var bookedOn: LocalDay
    public var checkedInAt: Date?
    public var checkedInBy: String?
    /// The priority ticket issued at check-in.
    public var ticketID: Int64?
    public var ticketNumber: String?
    /// When the booking was cancelled, or (missed) when its time ran out.
    public var cancelledAt: Date?
    public var cancelledBy: String?
    /// An accepted reason for the cancellation, recorded by a clerk (有正当理由); nil = without reason.
    public var excuse: String?
    public var excusedBy: String?

    public init(
        id: Int64 = 0, code: String, slot: AppointmentSlot, item: CatalogItem, contact: ResidentContact,
        request: String, channel: BookingChannel, bookedBy: String, bookedAt: Date, bookedOn: LocalDay
    ) {
        self.id = id
        self.code = code
        self.slotID = slot.id
        self.day = slot.day
        self.time = slot.time
        self.serviceID = slot.serviceID
        self.itemID = item.id
        self.itemName = item.name
        self.itemNameMn = item.nameMn
        self.materials = item.materials
        self.contact = contact
        self.request = request
        self.channel = channel
        self.state = .booked
        self.bookedBy = bookedBy
        self.bookedAt = bookedAt
        self.bookedOn = bookedOn
    }

    public var personKey: PersonKey { contact.personKey }

    /// A cancellation (cancelled or missed) without an accepted reason: counts towards suspension.
    public var isUnexcusedCancellation: Bool { state.isCancellation && excuse == nil }

    /// When the booking reached its final state (check-in or cancellation); nil while booked.
    public var resolvedAt: Date? {
        switch state {
        case .booked: nil
        case .checkedIn: checkedInAt
        case .cancelled, .missed: cancelledAt
        }
    }

    /// The booking as shown on public surfaces (kiosk): no code, masked contact.
    public var publicView: PublicAppointment {
        PublicAppointment(
            id: id, day: day, time: time.description, itemName: itemName, state: state,
            contact: contact.masked, ticketNumber: ticketNumber)
    }
}

/// What the kiosk may show of a booking.
public struct PublicAppointment: Codable, Sendable, Hashable {
    public var id: Int64
    public var day: LocalDay
    /// `09:00–11:30`.
    public var time: String
    public var itemName: String
    public var state: AppointmentState
    public var contact: MaskedContact
    public var ticketNumber: String?
}
