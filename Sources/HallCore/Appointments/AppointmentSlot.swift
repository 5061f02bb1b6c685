import Foundation

/// A member of staff on duty, as shown on duty lists and documents.
public struct DutyStaff: Codable, Sendable, Hashable {
    /// The account's user name.
    public var username: String
    public var displayName: String

    public init(username: String, displayName: String) {
        self.username = username
        self.displayName = displayName
    }
}

/// A weekend or public-holiday time range the center opens for appointments (预约服务时段).
public struct AppointmentSlot: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier (0 before storing).
    public var id: Int64
    /// The day off (weekend not made up, or public holiday) the slot is on.
    public var day: LocalDay
    public var time: SlotTime
    /// How many residents may book it.
    public var capacity: Int
    /// The queue service whose priority ticket a checked-in resident gets, e.g. `comprehensive`.
    public var serviceID: String
    /// Catalog items that may be booked in this slot; empty means every item.
    public var itemIDs: [String]
    /// Staff assigned to be at their post for the slot.
    public var staff: [DutyStaff]
    /// Free note for staff, e.g. 社保业务专场.
    public var note: String?
    /// The holiday the day belongs to (春节…), nil on an ordinary weekend.
    public var holidayName: String?
    public var openedBy: String
    public var openedAt: Date
    /// When the duty of its staff went to the staff ledger (nil until the slot ended and its last
    /// resident was served); after that the staff on duty can no longer be changed.
    public var dutyRecordedAt: Date?

    public init(
        id: Int64 = 0, day: LocalDay, time: SlotTime, capacity: Int, serviceID: String, itemIDs: [String] = [],
        staff: [DutyStaff] = [], note: String? = nil, holidayName: String? = nil, openedBy: String, openedAt: Date
    ) {
        self.id = id
        self.day = day
        self.time = time
        self.capacity = capacity
        self.serviceID = serviceID
        self.itemIDs = itemIDs
        self.staff = staff
        self.note = note
        self.holidayName = holidayName
        self.openedBy = openedBy
        self.openedAt = openedAt
    }

    /// Whether `itemID` may be booked in this slot.
    public func allows(itemID: String) -> Bool { itemIDs.isEmpty || itemIDs.contains(itemID) }

    /// `2026-12-05 09:00–11:30`.
    public var label: String { "\(day) \(time)" }
}

/// A slot with how many places are taken, for booking screens.
public struct SlotAvailability: Codable, Sendable, Hashable {
    public var slot: AppointmentSlot
    /// Bookings that hold a place (booked or checked in).
    public var booked: Int
    public var remaining: Int

    public init(slot: AppointmentSlot, booked: Int) {
        self.slot = slot
        self.booked = booked
        self.remaining = max(0, slot.capacity - booked)
    }
}
