import Foundation
import HallCore

/// An in-memory `IntakeStore` for tests with real transaction semantics: a write works on a copy of
/// the state and commits it only when the closure returns; a throw discards every change (including
/// spent sequence numbers and appended events). Writes are serialised by a lock.
final class IntakeInMemoryStore: IntakeStore, @unchecked Sendable {
    struct State {
        var catalog: Catalog?
        var schedules: [Int: HolidaySchedule] = [:]
        var cases: [Int64: Case] = [:]
        var sequences: [LocalDay: Int] = [:]
        var events: [HallEvent] = []
        var nextCaseID: Int64 = 1
    }

    private let lock = NSLock()
    private var state = State()

    /// A snapshot of the committed state.
    var committed: State { lock.withLock { state } }

    func write<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> T) async throws -> T {
        try lock.withLock {
            let tx = Transaction(state)
            let result = try work(tx)
            state = tx.state
            return result
        }
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> T) async throws -> T {
        try lock.withLock { try work(Transaction(state)) }
    }

    final class Transaction: IntakeTransaction {
        var state: State
        init(_ state: State) { self.state = state }

        func catalog() throws -> Catalog? { state.catalog }
        func save(catalog: Catalog) throws { state.catalog = catalog }
        func holidaySchedules() throws -> [HolidaySchedule] { state.schedules.values.sorted { $0.year < $1.year } }
        func save(schedule: HolidaySchedule) throws { state.schedules[schedule.year] = schedule }
        func loadCase(id: Int64) throws -> Case? { state.cases[id] }
        func loadCase(number: String) throws -> Case? { state.cases.values.first { $0.number == number } }
        func cases(states: Set<CaseState>) throws -> [Case] {
            state.cases.values.filter { states.contains($0.state) }.sorted { $0.id < $1.id }
        }
        func nextCaseSequence(day: LocalDay) throws -> Int {
            let next = (state.sequences[day] ?? 0) + 1
            state.sequences[day] = next
            return next
        }
        func insert(_ c: Case) throws -> Case {
            var c = c
            c.id = state.nextCaseID
            state.nextCaseID += 1
            state.cases[c.id] = c
            return c
        }
        func update(_ c: Case) throws {
            guard state.cases[c.id] != nil else { throw CaseError.unknownCase("#\(c.id)") }
            state.cases[c.id] = c
        }
        func append(_ event: HallEvent) throws -> HallEvent {
            var event = event
            event.id = Int64(state.events.count + 1)
            state.events.append(event)
            return event
        }
    }
}
