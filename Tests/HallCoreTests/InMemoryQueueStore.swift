import Foundation
import HallCore
import HallTestSupport

/// A QueueStore in memory with real transaction semantics (work on a copy, commit on success),
/// so the core's rules can be tested without SQLite. Not used outside tests.
final class InMemoryQueueStore: QueueStore, @unchecked Sendable {
    struct State {
        var services: [Service]
        var windows: [ServiceWindow]
        var tickets: [Int64: Ticket] = [:]
        /// "day/service" → the last sequence issued.
        var lastSequences: [String: Int] = [:]
        var events: [HallEvent] = []
    }

    private var state: State
    private let lock = NSLock()

    init(services: [Service], windows: [ServiceWindow]) {
        state = State(services: services, windows: windows)
    }

    var events: [HallEvent] { lock.withLock { state.events } }

    func write<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try lock.withLock {
            let tx = Transaction(state: state)
            let result = try work(tx)
            state = tx.state
            return result
        }
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (any QueueTransaction) throws -> T) async throws -> T {
        try lock.withLock { try work(Transaction(state: state)) }
    }

    final class Transaction: QueueTransaction {
        var state: State
        init(state: State) { self.state = state }

        func allServices() throws -> [Service] { state.services }
        func allWindows() throws -> [ServiceWindow] { state.windows }
        func save(window: ServiceWindow) throws {
            state.windows = state.windows.map { $0.number == window.number ? window : $0 }
        }
        func ticket(id: Int64) throws -> Ticket? { state.tickets[id] }
        func ticket(number: String, day: LocalDay) throws -> Ticket? {
            state.tickets.values.first { $0.number == number && $0.day == day }
        }
        func tickets(day: LocalDay, states: Set<TicketState>) throws -> [Ticket] {
            state.tickets.values.filter { $0.day == day && states.contains($0.state) }
                .sorted { ($0.issuedAt, $0.id) < ($1.issuedAt, $1.id) }
        }
        func serviceDay(_ day: LocalDay, serviceID: String) throws -> ServiceDay {
            let waiting = state.tickets.values.filter { $0.day == day && $0.serviceID == serviceID && $0.state == .waiting }
            return ServiceDay(
                waiting: waiting.count, waitingPriority: waiting.filter(\.priority.isPriority).count,
                lastSequence: state.lastSequences["\(day)/\(serviceID)", default: 0])
        }
        func insert(_ ticket: Ticket) throws -> Ticket {
            var t = ticket
            t.id = Int64(state.tickets.count + 1)
            state.tickets[t.id] = t
            state.lastSequences["\(t.day)/\(t.serviceID)"] = max(state.lastSequences["\(t.day)/\(t.serviceID)", default: 0], t.sequence)
            return t
        }
        func update(_ ticket: Ticket) throws { state.tickets[ticket.id] = ticket }
        func recentServiceSeconds(serviceID: String, limit: Int) throws -> [Double] {
            state.tickets.values.filter { $0.serviceID == serviceID && $0.state == .done }
                .sorted { $0.closedAt! > $1.closedAt! }.prefix(limit).compactMap(\.servedSeconds)
        }
        func append(_ event: HallEvent) throws -> HallEvent {
            var e = event
            e.id = Int64(state.events.count + 1)
            state.events.append(e)
            return e
        }
    }
}

/// A small hall for tests: A (综合) and B (社保) services; window 1 serves A then B, window 2 serves B.
enum TestHall {
    static let services = [
        Service(id: "general", name: "综合窗口", prefix: "A", typicalServiceMinutes: 10),
        Service(id: "social", name: "社保医保", prefix: "B", typicalServiceMinutes: 6),
    ]
    static let windows = [
        ServiceWindow(number: 1, name: "综合", serviceIDs: ["general", "social"]),
        ServiceWindow(number: 2, name: "社保", serviceIDs: ["social"]),
    ]
    /// 2026-11-25 09:00 in Shanghai.
    static let morning = LocalDay(year: 2026, month: 11, day: 25).instant(minutesAfterMidnight: 9 * 60, in: TimeZone(identifier: "Asia/Shanghai")!)

    static func make(clock: ManualClock = ManualClock(morning)) -> (QueueService, InMemoryQueueStore, RecordingSink, ManualClock) {
        let store = InMemoryQueueStore(services: services, windows: windows)
        let sink = RecordingSink()
        return (QueueService(store: store, clock: clock, settings: QueueSettings(), sink: sink), store, sink, clock)
    }
}
