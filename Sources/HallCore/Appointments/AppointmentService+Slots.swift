import Foundation

extension AppointmentService {
    // MARK: Slots

    /// Opens a slot on a day off of the official calendar (never a make-up working day) and assigns
    /// its staff.
    public func openSlot(_ request: OpenSlotRequest, actor: String) async throws -> AppointmentSlot {
        try request.time.validate()
        guard (1...200).contains(request.capacity) else { throw AppointmentError.badCapacity(request.capacity) }
        let service = try await resolveService(request.service)
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await run { tx in
            guard request.day >= today else { throw AppointmentError.dayPassed(request.day) }
            let holiday = try AppointmentDays.checkSlotDay(request.day, calendar: try tx.calendar())
            let catalog = try tx.requireCatalog()
            for id in request.itemIDs { _ = try catalog.item(id) }
            let staff = try tx.dutyStaff(request.staff) { AppointmentError.unknownStaff($0) }
            let existing = try tx.slots(from: request.day, through: request.day)
            if existing.contains(where: { $0.time == request.time && $0.serviceID == service.id }) {
                throw AppointmentError.duplicateSlot("\(request.day) \(request.time)")
            }
            let note = request.note?.trimmingCharacters(in: .whitespaces).nonEmpty
            let slot = try tx.insert(
                AppointmentSlot(
                    day: request.day, time: request.time, capacity: request.capacity,
                    serviceID: service.id, itemIDs: request.itemIDs, staff: staff,
                    note: note, holidayName: holiday?.name,
                    openedBy: actor, openedAt: now))
            return (
                slot,
                [
                    Self.event(
                        .appointmentSlotOpened, slot, now, actor,
                        ["capacity": String(slot.capacity), "staff": Self.names(slot.staff)])
                ]
            )
        }
    }

    /// Replaces the staff on duty for a slot (each an active staff account).
    public func assignStaff(slotID: Int64, usernames: [String], actor: String) async throws -> AppointmentSlot {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        return try await run { tx in
            var slot = try Self.loadSlot(slotID, tx)
            guard slot.day >= today else { throw AppointmentError.dayPassed(slot.day) }
            guard slot.dutyRecordedAt == nil else { throw AppointmentError.dutyAlreadyRecorded(slot.label) }
            slot.staff = try tx.dutyStaff(usernames) { AppointmentError.unknownStaff($0) }
            try tx.update(slot)
            return (slot, [Self.event(.appointmentStaffAssigned, slot, now, actor, ["staff": Self.names(slot.staff)])])
        }
    }

    /// Slots from `from` through `through`, with places taken.
    public func slots(from: LocalDay, through: LocalDay) async throws -> [SlotAvailability] {
        try await store.read { tx in
            try tx.slots(from: from, through: through).map { SlotAvailability(slot: $0, booked: try tx.placesTaken(slotID: $0.id)) }
        }
    }

    /// A slot with its places taken.
    public func slot(id: Int64) async throws -> SlotAvailability {
        try await store.read { tx in
            let slot = try Self.loadSlot(id, tx)
            return SlotAvailability(slot: slot, booked: try tx.placesTaken(slotID: id))
        }
    }

    /// The slots `username` is on duty for, from today on (or within `days` days).
    public func duty(username: String, days: Int = 366) async throws -> [SlotAvailability] {
        let from = today()
        return try await slots(from: from, through: from.adding(days: days)).filter { $0.slot.staff.contains { $0.username == username } }
    }

    /// The queue's service named by `key` (its id or its name).
    private func resolveService(_ key: String) async throws -> Service {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        let services = try await queue.services()
        guard let service = services.first(where: { $0.id == trimmed || $0.name == trimmed }) else {
            throw AppointmentError.unknownService(key)
        }
        return service
    }

    static func names(_ staff: [DutyStaff]) -> String { staff.map(\.username).joined(separator: ",") }
}
