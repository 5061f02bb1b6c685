import Foundation

/// The queue's use cases: issue, call, recall, skip, start, finish, hold, resume, transfer, leave,
/// pause and resume windows. Each runs in one durable transaction; its events are published
/// after commit.
public final class QueueService: Sendable {
    private let store: any QueueStore
    private let clock: any HallClock
    private let settings: QueueSettings
    private let sink: any HallEventSink

    public init(store: any QueueStore, clock: any HallClock, settings: QueueSettings, sink: any HallEventSink) {
        self.store = store
        self.clock = clock
        self.settings = settings
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: settings.timeZone) }

    // MARK: Issue

    /// Issues a ticket for the service named by `serviceKey` (its id, Chinese name or prefix);
    /// `rider` (e.g. the limits of a ticket taken by ID card) may refuse it and records what it
    /// needs in the same transaction.
    public func issue(
        serviceKey: String, priority: TicketPriority = .normal, actor: String? = nil, rider: (any TicketIssueRider)? = nil
    ) async throws -> IssuedTicket {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let sampleSize = settings.estimateSampleSize
        let (issued, events) = try await store.write { tx -> (IssuedTicket, [HallEvent]) in
            guard let service = try tx.service(named: Self.trimmedKey(serviceKey)) else {
                throw QueueError.unknownService(serviceKey)
            }
            try rider?.admit(service: service, day: day, in: tx)
            let serviceDay = try tx.serviceDay(day, serviceID: service.id)
            let ahead = CallPolicy.peopleAheadOfNewTicket(
                priority: priority, waiting: serviceDay.waiting, waitingPriority: serviceDay.waitingPriority)
            let sequence = serviceDay.lastSequence + 1
            let number = TicketNumber.format(prefix: service.prefix, sequence: sequence)
            let ticket = try tx.insert(
                Ticket(
                    number: number, day: day, sequence: sequence, serviceID: service.id,
                    priority: priority, issuedAt: now))
            try rider?.issued(ticket, in: tx)
            let minutes = try Self.estimate(service, ahead: ahead, tx: tx, sampleSize: sampleSize)
            let event = try tx.append(
                HallEvent(
                    type: .ticketIssued, at: now, ticket: ticket, actor: actor,
                    data: ["peopleAhead": String(ahead), "estimatedWaitMinutes": String(minutes)]))
            return (
                IssuedTicket(
                    ticket: ticket, serviceName: service.name, peopleAhead: ahead,
                    estimatedWaitMinutes: minutes), [event]
            )
        }
        sink.publish(events)
        return issued
    }

    // MARK: Window actions

    /// Calls the next ticket for `window` (priority first, then oldest across its services).
    public func callNext(window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateWindow(number, actor: actor) { window, current, waiting, now in
            if let current { throw QueueError.windowBusy(window: number, ticket: current.number) }
            guard !window.isPaused else { throw QueueError.windowPaused(number) }
            guard let next = CallPolicy.next(for: window, among: waiting) else { throw QueueError.noOneWaiting(window: number) }
            return (try TicketTransitions.call(next, window: number, at: now), .ticketCalled)
        }
    }

    /// Calls a specific waiting ticket to `window` (e.g. a resident the clerk sees in the hall).
    public func call(ticketNumber: String, window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateWindow(number, actor: actor) { window, current, waiting, now in
            if let current { throw QueueError.windowBusy(window: number, ticket: current.number) }
            guard !window.isPaused else { throw QueueError.windowPaused(number) }
            guard let ticket = waiting.first(where: { $0.number == ticketNumber }) else {
                throw QueueError.unknownTicket(ticketNumber)
            }
            guard window.serves(ticket.serviceID) || ticket.windowNumber == number else {
                throw QueueError.windowDoesNotServe(window: number, service: ticket.serviceID)
            }
            return (try TicketTransitions.call(ticket, window: number, at: now), .ticketCalled)
        }
    }

    /// Calls the window's current ticket again; past the recall limit it becomes a no-show.
    public func recall(window number: Int, actor: String? = nil) async throws -> Ticket {
        let maxRecalls = settings.maxRecalls
        return try await mutateCurrent(number, actor: actor) { ticket, now in
            let next = try TicketTransitions.recall(ticket, maxRecalls: maxRecalls, at: now)
            return (next, next.state == .noShow ? .ticketNoShow : .ticketRecalled)
        }
    }

    /// Marks the window's called ticket a no-show (过号).
    public func skip(window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateCurrent(number, actor: actor) { (try TicketTransitions.skip($0, at: $1), .ticketNoShow) }
    }

    /// The called resident has arrived: serving starts.
    public func start(window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateCurrent(number, actor: actor) { (try TicketTransitions.start($0, at: $1), .ticketServing) }
    }

    /// Finishes the window's current ticket.
    public func finish(window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateCurrent(number, actor: actor) { (try TicketTransitions.finish($0, at: $1), .ticketFinished) }
    }

    /// Sets the window's serving ticket aside; the window can call others meanwhile.
    public func hold(window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateCurrent(number, actor: actor) { (try TicketTransitions.hold($0, at: $1), .ticketHeld) }
    }

    /// Brings a held ticket back to `window`, which must be free.
    public func resume(ticketNumber: String, window number: Int, actor: String? = nil) async throws -> Ticket {
        try await mutateWindow(number, actor: actor) { _, current, _, now in
            if let current { throw QueueError.windowBusy(window: number, ticket: current.number) }
            return (nil, .ticketResumed)
        } heldTicket: { held, now in
            guard let ticket = held.first(where: { $0.number == ticketNumber }) else {
                throw QueueError.unknownTicket(ticketNumber)
            }
            return try TicketTransitions.resume(ticket, window: number, at: now)
        }
    }

    /// Moves the window's current ticket to another service and/or window; it keeps its issue time.
    public func transfer(
        window number: Int, toService serviceKey: String?, toWindow target: Int?,
        actor: String? = nil
    ) async throws -> Ticket {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let (ticket, events) = try await store.write { tx -> (Ticket, [HallEvent]) in
            let windows = try tx.allWindows()
            guard windows.contains(where: { $0.number == number }) else { throw QueueError.unknownWindow(number) }
            let services = try tx.allServices()
            let service = try serviceKey.map { try Self.resolveService($0, in: services) }
            if let target {
                guard let targetWindow = windows.first(where: { $0.number == target }) else {
                    throw QueueError.unknownWindow(target)
                }
                if let service, !targetWindow.serves(service.id) {
                    throw QueueError.windowDoesNotServe(window: target, service: service.name)
                }
            }
            let current = try Self.current(at: number, day: day, tx: tx)
            if let service, target == nil, service.id == current.serviceID {
                throw QueueError.sameServiceTransfer(service.name)
            }
            let moved = try TicketTransitions.transfer(current, toService: service?.id, toWindow: target)
            try tx.update(moved)
            let event = try tx.append(
                HallEvent(
                    type: .ticketTransferred, at: now, ticket: moved, window: number,
                    actor: actor, data: ["fromService": current.serviceID]))
            return (moved, [event])
        }
        sink.publish(events)
        return ticket
    }

    /// The resident chose not to wait (ticket state `left`).
    public func leave(ticketNumber: String, actor: String? = nil) async throws -> Ticket {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let (ticket, events) = try await store.write { tx -> (Ticket, [HallEvent]) in
            guard let ticket = try tx.ticket(number: ticketNumber, day: day) else {
                throw QueueError.unknownTicket(ticketNumber)
            }
            let left = try TicketTransitions.leave(ticket, at: now)
            try tx.update(left)
            return (left, [try tx.append(HallEvent(type: .ticketLeft, at: now, ticket: left, actor: actor))])
        }
        sink.publish(events)
        return ticket
    }

    /// Pauses or resumes a window.
    public func setPaused(_ paused: Bool, window number: Int, actor: String? = nil) async throws -> ServiceWindow {
        let now = clock.now()
        let (window, events) = try await store.write { tx -> (ServiceWindow, [HallEvent]) in
            guard var window = try tx.allWindows().first(where: { $0.number == number }) else {
                throw QueueError.unknownWindow(number)
            }
            window.isPaused = paused
            try tx.save(window: window)
            let event = try tx.append(
                HallEvent(
                    type: paused ? .windowPaused : .windowResumed, at: now,
                    window: number, actor: actor))
            return (window, [event])
        }
        sink.publish(events)
        return window
    }

    // MARK: Reading

    /// The hall at a glance: queues per service and what each window is doing.
    public func status() async throws -> HallStatus {
        let day = today()
        let sampleSize = settings.estimateSampleSize
        return try await store.read { tx in
            // Counts and the few tickets at windows: the answer costs the same with 5 or 5,000 waiting.
            let services = try tx.allServices()
            let windows = try tx.allWindows()
            let counts = try tx.ticketCounts(day: day)
            let waiting = try tx.waitingCounts(day: day)
            let all = try tx.tickets(day: day, states: TicketState.atWindow.union([.held]))
            let queues = try services.map { service -> ServiceQueue in
                let count = waiting[service.id] ?? 0
                let open = windows.filter { !$0.isPaused && $0.serves(service.id) }.count
                let minutes = try Self.estimate(service, ahead: count, tx: tx, sampleSize: sampleSize)
                return ServiceQueue(service: service, waiting: count, openWindows: open, estimatedWaitMinutes: minutes)
            }
            let windowStates = windows.map { window in
                WindowStatus(
                    window: window,
                    current: all.first { TicketState.atWindow.contains($0.state) && $0.windowNumber == window.number },
                    held: all.filter { $0.state == .held && $0.windowNumber == window.number })
            }
            return HallStatus(
                day: day, services: queues, windows: windowStates, issuedToday: counts.values.reduce(0, +),
                servedToday: counts[.done] ?? 0)
        }
    }

    /// A ticket of today by its number, with people ahead and estimated wait.
    public func ticketStatus(number: String) async throws -> TicketStatus {
        let day = today()
        return try await ticketStatus { try $0.ticket(number: number, day: day) ?? { throw QueueError.unknownTicket(number) }() }
    }

    /// A ticket by its identifier (any day), with people ahead and estimated wait.
    public func ticketStatus(id: Int64) async throws -> TicketStatus {
        try await ticketStatus { try $0.ticket(id: id) ?? { throw QueueError.unknownTicket("#\(id)") }() }
    }

    /// The services offered, in configuration order.
    public func services() async throws -> [Service] { try await store.read { try $0.allServices() } }

    /// The hall's windows.
    public func windows() async throws -> [ServiceWindow] { try await store.read { try $0.allWindows() } }

    /// Today's latest calls and the tickets called next, for the hall screen (`CallBoard`).
    public func callBoard(recentLimit: Int = 8, nextPerService: Int = 3) async throws -> CallBoard {
        let day = today()
        return try await store.read { tx in
            let services = try tx.allServices().map(\.id)
            let tickets = try tx.tickets(day: day, states: Set(TicketState.allCases))
            return CallBoard.make(tickets: tickets, serviceOrder: services, recentLimit: recentLimit, nextPerService: nextPerService)
        }
    }

    // MARK: Helpers

    private func ticketStatus(_ find: @escaping @Sendable (any QueueTransaction) throws -> Ticket) async throws -> TicketStatus {
        let sampleSize = settings.estimateSampleSize
        return try await store.read { tx in
            let ticket = try find(tx)
            let services = try tx.allServices()
            let service = services.first { $0.id == ticket.serviceID } ?? Service(id: ticket.serviceID, name: ticket.serviceID, prefix: "")
            guard ticket.state == .waiting else {
                return TicketStatus(ticket: ticket, serviceName: service.name, peopleAhead: 0, estimatedWaitMinutes: 0)
            }
            let ahead = try tx.countAhead(of: ticket)
            let minutes = try Self.estimate(service, ahead: ahead, tx: tx, sampleSize: sampleSize)
            return TicketStatus(ticket: ticket, serviceName: service.name, peopleAhead: ahead, estimatedWaitMinutes: minutes)
        }
    }

    /// Applies `change` to the ticket currently at `window` (called or serving).
    private func mutateCurrent(
        _ number: Int, actor: String?,
        _ change: @escaping @Sendable (Ticket, Date) throws -> (Ticket, EventType)
    ) async throws -> Ticket {
        try await mutateWindow(number, actor: actor) { _, current, _, now in
            guard let current else { throw QueueError.windowIdle(number) }
            return try change(current, now)
        }
    }

    /// Runs a window action in one transaction: loads the window, its current ticket and the
    /// day's waiting tickets, lets `decide` produce the changed ticket, stores it and logs the event.
    private func mutateWindow(
        _ number: Int, actor: String?,
        _ decide: @escaping @Sendable (ServiceWindow, Ticket?, [Ticket], Date) throws -> (Ticket?, EventType),
        heldTicket: (@Sendable ([Ticket], Date) throws -> Ticket)? = nil
    ) async throws -> Ticket {
        let now = clock.now()
        let day = LocalDay(now, in: settings.timeZone)
        let (ticket, events) = try await store.write { tx -> (Ticket, [HallEvent]) in
            guard let window = try tx.allWindows().first(where: { $0.number == number }) else {
                throw QueueError.unknownWindow(number)
            }
            let open = try tx.tickets(day: day, states: TicketState.open)
            let current = open.first { TicketState.atWindow.contains($0.state) && $0.windowNumber == number }
            let (decided, type) = try decide(window, current, open.filter { $0.state == .waiting }, now)
            guard let changed = try decided ?? heldTicket?(open.filter { $0.state == .held }, now) else {
                throw QueueError.windowIdle(number)
            }
            try tx.update(changed)
            let event = try tx.append(HallEvent(type: type, at: now, ticket: changed, window: number, actor: actor))
            return (changed, [event])
        }
        sink.publish(events)
        return ticket
    }

    private static func current(at window: Int, day: LocalDay, tx: any QueueTransaction) throws -> Ticket {
        let open = try tx.tickets(day: day, states: TicketState.atWindow.union([.held]))
        if let active = open.first(where: { TicketState.atWindow.contains($0.state) && $0.windowNumber == window }) {
            return active
        }
        throw QueueError.windowIdle(window)
    }

    static func resolveService(_ key: String, in services: [Service]) throws -> Service {
        guard let match = Service.named(trimmedKey(key), in: services) else { throw QueueError.unknownService(key) }
        return match
    }

    /// `key` without surrounding whitespace. Keys rarely have any, and Foundation's trimming costs
    /// more than the rest of the lookup: it runs only when an end is whitespace.
    static func trimmedKey(_ key: String) -> String {
        guard let first = key.unicodeScalars.first, let last = key.unicodeScalars.last,
            !CharacterSet.whitespaces.contains(first), !CharacterSet.whitespaces.contains(last)
        else {
            return key.trimmingCharacters(in: .whitespaces)
        }
        return key
    }

    private static func estimate(_ service: Service, ahead: Int, tx: any QueueTransaction, sampleSize: Int) throws -> Int {
        let open = try tx.openWindowCount(serving: service.id)
        let samples = try tx.recentServiceSeconds(serviceID: service.id, limit: sampleSize)
        return WaitEstimator.minutes(
            peopleAhead: ahead, recentServiceSeconds: samples,
            typicalMinutes: service.typicalServiceMinutes, openWindows: open)
    }
}
