/// What the center head gives to open a slot.
public struct OpenSlotRequest: Codable, Sendable, Hashable {
    public var day: LocalDay
    public var time: SlotTime
    public var capacity: Int
    /// Queue service id (or name) of the priority tickets.
    public var service: String
    /// Catalog items bookable in the slot; empty = every item.
    public var itemIDs: [String]
    /// User names of the staff on duty.
    public var staff: [String]
    public var note: String?

    public init(
        day: LocalDay, time: SlotTime, capacity: Int, service: String, itemIDs: [String] = [], staff: [String] = [],
        note: String? = nil
    ) {
        self.day = day
        self.time = time
        self.capacity = capacity
        self.service = service
        self.itemIDs = itemIDs
        self.staff = staff
        self.note = note
    }
}

/// What a clerk records when booking for a resident (in person, or after a phone call).
public struct BookingRequest: Codable, Sendable, Hashable {
    public var slotID: Int64
    public var itemID: String
    public var name: String
    public var phone: String
    /// Optional; validated (GB 11643) when given.
    public var idNumber: String?
    /// What the resident wants done.
    public var request: String
    public var channel: BookingChannel

    public init(
        slotID: Int64, itemID: String, name: String, phone: String, idNumber: String? = nil, request: String,
        channel: BookingChannel
    ) {
        self.slotID = slotID
        self.itemID = itemID
        self.name = name
        self.phone = phone
        self.idNumber = idNumber
        self.request = request
        self.channel = channel
    }
}

/// The answer of a check-in: the booking and its priority ticket.
public struct AppointmentCheckIn: Sendable, Equatable {
    public var appointment: Appointment
    public var ticket: IssuedTicket
}
