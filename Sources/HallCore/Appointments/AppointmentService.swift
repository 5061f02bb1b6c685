import Foundation

/// Appointment service (预约服务): the head opens weekend/holiday slots and assigns staff; clerks book
/// residents (at least two working days ahead by the official calendar), check them in for a priority
/// ticket, cancel and excuse; bookings not attended inside their time are cancelled automatically, and
/// three consecutive cancellations without reason suspend the person. No fees anywhere.
///
/// Each use case runs in one durable transaction; its events are published after commit.
public final class AppointmentService: Sendable {
    let store: any AppointmentStore
    private let queue: QueueService
    let clock: any HallClock
    private let settings: AppointmentSettings
    let timeZone: TimeZone
    private let sink: any HallEventSink

    public init(store: any AppointmentStore, queue: QueueService, clock: any HallClock, settings: AppointmentSettings,
                timeZone: TimeZone, sink: any HallEventSink) {
        self.store = store
        self.queue = queue
        self.clock = clock
        self.settings = settings
        self.timeZone = timeZone
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    // MARK: Slots and duty

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
            let note = request.note?.trimmingCharacters(in: .whitespaces)
            let slot = try tx.insert(AppointmentSlot(day: request.day, time: request.time, capacity: request.capacity,
                                                     serviceID: service.id, itemIDs: request.itemIDs, staff: staff,
                                                     note: note?.isEmpty == false ? note : nil, holidayName: holiday?.name,
                                                     openedBy: actor, openedAt: now))
            return (slot, [Self.event(.appointmentSlotOpened, slot, now, actor,
                                      ["capacity": String(slot.capacity), "staff": Self.names(slot.staff)])])
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

    // MARK: Booking

    /// Books a place for a resident. Refused when the slot is less than two working days ahead, full,
    /// not open for the item, already booked by the person, or the person is suspended.
    public func book(_ request: BookingRequest, clerk: String) async throws -> Appointment {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let settings = settings
        let contact = try ResidentContact.parse(name: request.name, phone: request.phone, idNumber: request.idNumber, today: today)
        let wish = request.request.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wish.isEmpty else { throw AppointmentError.missingField("办理诉求（群众要办什么）") }
        return try await run { tx in
            let slot = try Self.loadSlot(request.slotID, tx)
            try BookingLeadTime.check(bookedOn: today, for: slot.day, workingDays: settings.leadWorkingDays,
                                      calendar: try tx.calendar())
            let item = try tx.requireCatalog().item(request.itemID)
            guard slot.allows(itemID: item.id) else { throw AppointmentError.itemNotInSlot(item: item.name, slot: slot.label) }
            if let active = try tx.suspensions(person: contact.personKey).last(where: { $0.isActive(at: now) }) {
                throw AppointmentError.suspended(until: LocalDay(active.endsAt, in: self.timeZone))
            }
            if try tx.appointments(slotID: slot.id).contains(where: { $0.state.holdsPlace && $0.personKey == contact.personKey }) {
                throw AppointmentError.alreadyBooked(slot.label)
            }
            guard try tx.placesTaken(slotID: slot.id) < slot.capacity else { throw AppointmentError.slotFull(slot.label) }
            let code = try Self.freshCode(tx)
            let booked = try tx.insert(Appointment(code: code, slot: slot, item: item, contact: contact, request: wish,
                                                   channel: request.channel, bookedBy: clerk, bookedAt: now, bookedOn: today))
            return (booked, [Self.event(.appointmentBooked, booked, now, clerk, ["channel": booked.channel.rawValue])])
        }
    }

    /// Cancels a booking before its day. With `reason` (an accepted one, recorded by the clerk) the
    /// cancellation is excused; without, it counts towards suspension.
    public func cancel(appointmentID: Int64, reason: String?, clerk: String) async throws -> Appointment {
        let now = clock.now()
        let excuse = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        return try await run { tx in
            var a = try Self.loadAppointment(appointmentID, tx)
            guard a.state == .booked else { throw AppointmentError.invalidState(action: "取消", state: a.state) }
            a.state = .cancelled
            a.cancelledAt = now
            a.cancelledBy = clerk
            a.excuse = excuse
            a.excusedBy = excuse == nil ? nil : clerk
            try tx.update(a)
            var events = [Self.event(.appointmentCancelled, a, now, clerk, ["excused": excuse == nil ? "false" : "true"])]
            events += try self.suspendIfDue(a.personKey, tx, now)
            return (a, events)
        }
    }

    /// Records an accepted reason for a cancellation (or a missed booking) afterwards: it no longer
    /// counts, and breaks the streak. An existing suspension stays until the head lifts it.
    public func excuse(appointmentID: Int64, reason: String, clerk: String) async throws -> Appointment {
        let now = clock.now()
        guard let excuse = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw AppointmentError.reasonRequired("登记取消理由")
        }
        return try await run { tx in
            var a = try Self.loadAppointment(appointmentID, tx)
            guard a.isUnexcusedCancellation else { throw AppointmentError.invalidState(action: "登记取消理由", state: a.state) }
            a.excuse = excuse
            a.excusedBy = clerk
            try tx.update(a)
            return (a, [Self.event(.appointmentExcused, a, now, clerk)])
        }
    }

    // MARK: Check-in

    /// Checks a booking in by its code (kiosk or clerk) and issues a priority ticket.
    public func checkIn(code: String, actor: String?) async throws -> AppointmentCheckIn {
        guard let normalised = BookingCode.normalise(code) else { throw AppointmentError.unknownCode }
        return try await checkIn(actor: actor) { tx in
            guard let a = try tx.appointment(code: normalised) else { throw AppointmentError.unknownCode }
            return a
        }
    }

    /// Checks a booking in by its identifier (a clerk who looked the resident up by phone or ID number).
    public func checkIn(appointmentID: Int64, actor: String?) async throws -> AppointmentCheckIn {
        try await checkIn(actor: actor) { try Self.loadAppointment(appointmentID, $0) }
    }

    /// Marks the booking checked in, issues the priority ticket through the queue, then records the
    /// ticket on the booking. A booking marked checked in whose ticket was never recorded (the daemon
    /// stopped in between) can be checked in again; a failed issue puts the booking back.
    private func checkIn(actor: String?, find: @escaping @Sendable (any AppointmentTransaction) throws -> Appointment)
        async throws -> AppointmentCheckIn {
        let now = clock.now()
        let earlyMinutes = settings.checkInEarlyMinutes
        let timeZone = timeZone
        let (claimed, previous) = try await store.write { tx -> (Appointment, Appointment) in
            let a = try find(tx)
            switch a.state {
            case .booked: break
            case .checkedIn:
                if let number = a.ticketNumber { throw AppointmentError.alreadyCheckedIn(ticket: number) }
            case .cancelled, .missed:
                throw AppointmentError.invalidState(action: "签到", state: a.state)
            }
            try Self.checkWindow(a, now: now, earlyMinutes: earlyMinutes, timeZone: timeZone)
            var claimed = a
            claimed.state = .checkedIn
            claimed.checkedInAt = now
            claimed.checkedInBy = actor
            try tx.update(claimed)
            return (claimed, a)
        }
        let issued: IssuedTicket
        do {
            issued = try await queue.issue(serviceKey: claimed.serviceID, priority: .appointment, actor: actor)
        } catch {
            _ = try? await store.write { tx in try tx.update(previous) }
            throw error
        }
        let done = try await run { tx in
            var a = try Self.loadAppointment(claimed.id, tx)
            a.ticketID = issued.ticket.id
            a.ticketNumber = issued.ticket.number
            try tx.update(a)
            return (a, [Self.event(.appointmentCheckedIn, a, now, actor ?? "kiosk", ["ticket": issued.ticket.number])])
        }
        return AppointmentCheckIn(appointment: done, ticket: issued)
    }

    /// Refuses a check-in outside the booked time (opening `earlyMinutes` before it).
    static func checkWindow(_ a: Appointment, now: Date, earlyMinutes: Int, timeZone: TimeZone) throws {
        let today = LocalDay(now, in: timeZone)
        let start = a.time.start(on: a.day, in: timeZone)
        let end = a.time.end(on: a.day, in: timeZone)
        let slotText = "\(AppointmentError.date(a.day)) \(a.time)"
        if now >= end { throw AppointmentError.checkInClosed(slotText) }
        guard a.day == today else { throw AppointmentError.notToday(a.day) }
        let opens = start.addingTimeInterval(-Double(earlyMinutes) * 60)
        guard now >= opens else {
            let minute = max(0, a.time.startMinute - earlyMinutes)
            throw AppointmentError.tooEarlyToCheckIn(slot: slotText, from: SlotTime.text(minute))
        }
    }

    // MARK: Missed bookings

    /// Cancels every booking whose time ended without a check-in (视为取消预约), and suspends people
    /// whose streak of cancellations without reason reached the limit. Returns the bookings cancelled.
    /// Meant to run periodically.
    @discardableResult
    public func sweepMissed() async throws -> [Appointment] {
        let now = clock.now()
        let today = LocalDay(now, in: timeZone)
        let timeZone = timeZone
        return try await run { tx in
            var missed: [Appointment] = []
            var events: [HallEvent] = []
            for var a in try tx.appointments(state: .booked, through: today) {
                let end = a.time.end(on: a.day, in: timeZone)
                guard end <= now else { continue }
                a.state = .missed
                a.cancelledAt = end
                a.cancelledBy = "system"
                try tx.update(a)
                missed.append(a)
                events.append(Self.event(.appointmentMissed, a, now, "system"))
            }
            var seen = Set<PersonKey>()
            for a in missed where seen.insert(a.personKey).inserted {
                events += try self.suspendIfDue(a.personKey, tx, now)
            }
            return (missed, events)
        }
    }

    // MARK: Suspensions

    /// Lifts a suspension early (the center head), with the reason on record.
    public func liftSuspension(id: Int64, reason: String, actor: String) async throws -> BookingSuspension {
        let now = clock.now()
        guard let why = reason.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            throw AppointmentError.reasonRequired("解除暂停")
        }
        return try await run { tx in
            guard var s = try tx.suspension(id: id) else { throw AppointmentError.unknownSuspension(id) }
            guard s.isActive(at: now) else { throw AppointmentError.suspensionNotActive(id) }
            s.liftedAt = now
            s.liftedBy = actor
            s.liftReason = why
            try tx.update(s)
            return (s, [HallEvent(type: .appointmentSuspensionLifted, at: now, actor: actor, data: ["suspensionID": String(s.id)])])
        }
    }

    /// Every suspension (newest first); only those in force when `activeOnly`.
    public func suspensions(activeOnly: Bool) async throws -> [BookingSuspension] {
        let now = clock.now()
        return try await store.read { tx in try tx.allSuspensions().filter { !activeOnly || $0.isActive(at: now) } }
    }

    // MARK: Reading

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

    // MARK: Helpers

    /// A suspension event when `person`'s streak just reached the limit.
    private func suspendIfDue(_ person: PersonKey, _ tx: any AppointmentTransaction, _ now: Date) throws -> [HallEvent] {
        guard let due = CancellationStreak.suspension(history: try tx.appointments(person: person),
                                                      suspensions: try tx.suspensions(person: person),
                                                      threshold: settings.cancellationsBeforeSuspension,
                                                      days: settings.suspensionDays, now: now) else { return [] }
        let stored = try tx.insert(due)
        return [HallEvent(type: .appointmentPersonSuspended, at: now, actor: "system",
                          data: ["suspensionID": String(stored.id), "cancellations": String(stored.appointmentIDs.count),
                                 "until": LocalDay(stored.endsAt, in: timeZone).description])]
    }

    private func resolveService(_ key: String) async throws -> Service {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        let services = try await queue.services()
        guard let service = services.first(where: { $0.id == trimmed || $0.name == trimmed }) else {
            throw AppointmentError.unknownService(key)
        }
        return service
    }

    private static func freshCode(_ tx: any AppointmentTransaction) throws -> String {
        for _ in 0..<50 {
            let code = BookingCode.random()
            if try tx.appointment(code: code) == nil { return code }
        }
        throw AppointmentError.codesExhausted
    }

    func run<T: Sendable>(_ work: @escaping @Sendable (any AppointmentTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }

    static func loadSlot(_ id: Int64, _ tx: any AppointmentTransaction) throws -> AppointmentSlot {
        guard let slot = try tx.slot(id: id) else { throw AppointmentError.unknownSlot(id) }
        return slot
    }

    private static func loadAppointment(_ id: Int64, _ tx: any AppointmentTransaction) throws -> Appointment {
        guard let a = try tx.appointment(id: id) else { throw AppointmentError.unknownAppointment("#\(id)") }
        return a
    }

    private static func names(_ staff: [DutyStaff]) -> String { staff.map(\.username).joined(separator: ",") }

    /// A slot event: no personal data.
    static func event(_ type: EventType, _ slot: AppointmentSlot, _ at: Date, _ actor: String,
                      _ extra: [String: String] = [:]) -> HallEvent {
        var data = ["slotID": String(slot.id), "day": slot.day.description, "time": slot.time.description,
                    "serviceID": slot.serviceID]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, actor: actor, data: data)
    }

    /// A booking event: identifiers, slot, item and state — no personal data, no booking code.
    static func event(_ type: EventType, _ a: Appointment, _ at: Date, _ actor: String,
                      _ extra: [String: String] = [:]) -> HallEvent {
        var data = ["appointmentID": String(a.id), "slotID": String(a.slotID), "day": a.day.description,
                    "time": a.time.description, "itemID": a.itemID, "itemName": a.itemName, "state": a.state.rawValue]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, ticket: nil, actor: actor, data: data)
    }
}
