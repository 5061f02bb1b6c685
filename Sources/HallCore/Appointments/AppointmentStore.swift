import Foundation

/// What appointments need from storage, inside one transaction. The core owns this protocol;
/// the SQLite store implements it.
public protocol AppointmentTransaction: HallReferenceData {
    func slot(id: Int64) throws -> AppointmentSlot?
    /// Slots from `from` through `through` (inclusive), by day and start time.
    func slots(from: LocalDay, through: LocalDay) throws -> [AppointmentSlot]
    /// Slots on days up to `through` (inclusive) whose duty has not gone to the staff ledger yet.
    func slotsAwaitingDuty(through: LocalDay) throws -> [AppointmentSlot]
    /// Stores a new slot and returns it with its identifier.
    func insert(_ slot: AppointmentSlot) throws -> AppointmentSlot
    func update(_ slot: AppointmentSlot) throws
    /// Bookings of the slot that hold a place (booked or checked in).
    func placesTaken(slotID: Int64) throws -> Int

    func appointment(id: Int64) throws -> Appointment?
    func appointment(code: String) throws -> Appointment?
    /// Bookings of a slot, oldest first.
    func appointments(slotID: Int64) throws -> [Appointment]
    /// Every booking of a person, oldest first.
    func appointments(person: PersonKey) throws -> [Appointment]
    /// Bookings whose contact phone (normalised) or ID number is `value`, oldest first.
    func appointments(contact value: String) throws -> [Appointment]
    /// Bookings in `state` on days up to `through` (inclusive), oldest first.
    func appointments(state: AppointmentState, through: LocalDay) throws -> [Appointment]
    /// Stores a new booking and returns it with its identifier.
    func insert(_ appointment: Appointment) throws -> Appointment
    func update(_ appointment: Appointment) throws

    func suspension(id: Int64) throws -> BookingSuspension?
    /// A person's suspensions, oldest first.
    func suspensions(person: PersonKey) throws -> [BookingSuspension]
    /// Every suspension, newest first.
    func allSuspensions() throws -> [BookingSuspension]
    func insert(_ suspension: BookingSuspension) throws -> BookingSuspension
    func update(_ suspension: BookingSuspension) throws
}

/// Runs appointment work in durable transactions: when `write` returns, the change is on disk;
/// when the closure throws, nothing of it is kept.
public protocol AppointmentStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> T) async throws -> T
}
