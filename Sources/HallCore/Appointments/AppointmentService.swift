import Foundation

/// Appointment service (预约服务): the head opens weekend/holiday slots and assigns staff; clerks book
/// residents (at least two working days ahead by the official calendar), check them in for a priority
/// ticket, cancel and excuse; bookings not attended inside their time are cancelled automatically, and
/// three consecutive cancellations without reason suspend the person. No fees anywhere.
///
/// Each use case runs in one durable transaction; its events are published after commit. The use
/// cases live in extensions, one concern per file: slots (`+Slots`), booking (`+Booking`), check-in
/// (`+CheckIn`), missed bookings (`+MissedBookings`), suspensions (`+Suspensions`), lookups
/// (`+Lookup`) and duty in the staff ledger (`+Duty`).
public final class AppointmentService: Sendable {
    let store: any AppointmentStore
    let queue: QueueService
    let clock: any HallClock
    let settings: AppointmentSettings
    let timeZone: TimeZone
    private let sink: any HallEventSink

    public init(
        store: any AppointmentStore, queue: QueueService, clock: any HallClock, settings: AppointmentSettings,
        timeZone: TimeZone, sink: any HallEventSink
    ) {
        self.store = store
        self.queue = queue
        self.clock = clock
        self.settings = settings
        self.timeZone = timeZone
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    // MARK: Helpers

    func run<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }

    static func loadSlot(_ id: Int64, _ tx: any AppointmentTransaction) throws -> AppointmentSlot {
        guard let slot = try tx.slot(id: id) else { throw AppointmentError.unknownSlot(id) }
        return slot
    }

    static func loadAppointment(_ id: Int64, _ tx: any AppointmentTransaction) throws -> Appointment {
        guard let a = try tx.appointment(id: id) else { throw AppointmentError.unknownAppointment("#\(id)") }
        return a
    }

    /// A slot event: no personal data.
    static func event(
        _ type: EventType, _ slot: AppointmentSlot, _ at: Date, _ actor: String,
        _ extra: [String: String] = [:]
    ) -> HallEvent {
        var data = [
            "slotID": String(slot.id), "day": slot.day.description, "time": slot.time.description,
            "serviceID": slot.serviceID,
        ]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, actor: actor, data: data)
    }

    /// A booking event: identifiers, slot, item and state — no personal data, no booking code.
    static func event(
        _ type: EventType, _ a: Appointment, _ at: Date, _ actor: String,
        _ extra: [String: String] = [:]
    ) -> HallEvent {
        var data = [
            "appointmentID": String(a.id), "slotID": String(a.slotID), "day": a.day.description,
            "time": a.time.description, "itemID": a.itemID, "itemName": a.itemName, "state": a.state.rawValue,
        ]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, ticket: nil, actor: actor, data: data)
    }
}
