import Foundation

/// Case intake's use cases (一窗受理、并联办理): open, pre-review (accept and route, or correction),
/// department reviews, combined result, notification, delivery, closure; deadlines for the head.
/// Each runs in one durable transaction; its events are published after commit.
///
/// The use cases live in extensions, one concern per file: opening and pre-review (`+PreReview`),
/// department answers and the result's delivery (`+Result`), deadlines (`+Deadlines`), the catalog
/// and calendar (`+Imports`) and the department reviewer's view (`+Departments`).
public final class IntakeService: Sendable {
    let store: any IntakeStore
    let clock: any HallClock
    let settings: IntakeSettings
    private let sink: any HallEventSink

    public init(store: any IntakeStore, clock: any HallClock, settings: IntakeSettings, sink: any HallEventSink) {
        self.store = store
        self.clock = clock
        self.settings = settings
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: settings.timeZone) }

    // MARK: Reading

    /// A case by its identifier (full data, for staff).
    public func loadCase(id: Int64) async throws -> Case {
        try await store.read { try Self.load(id, $0) }
    }

    /// A case by its number (full data, for staff).
    public func loadCase(number: String) async throws -> Case {
        try await store.read { tx in
            guard let c = try tx.loadCase(number: number) else { throw CaseError.unknownCase(number) }
            return c
        }
    }

    /// The masked status of a case, for the public status page (QR code on notices).
    public func publicStatus(number: String) async throws -> CasePublicSummary {
        try await loadCase(number: number).publicSummary
    }

    /// Cases in any of `states`, oldest first.
    public func cases(states: Set<CaseState> = CaseState.open) async throws -> [Case] {
        try await store.read { try $0.cases(states: states) }
    }

    // MARK: Helpers

    /// Loads the case, applies `change`, stores it and logs a `type` event (with `data` of the new case).
    func transition(
        _ id: Int64, _ type: EventType, _ actor: String,
        _ change: @escaping @Sendable (Case, Date) throws -> Case,
        data: (@Sendable (Case) -> [String: String])? = nil
    ) async throws -> Case {
        let now = clock.now()
        return try await run { tx in
            let changed = try change(try Self.load(id, tx), now)
            try tx.update(changed)
            return (changed, [Self.event(type, changed, now, actor, data?(changed) ?? [:])])
        }
    }

    /// Runs `work` in a write transaction; the events it returns are appended inside it and
    /// published after commit.
    func run<T: Sendable>(_ work: @escaping @Sendable (any IntakeTransaction) throws -> (T, [HallEvent])) async throws -> T {
        let (value, events) = try await store.write { tx -> (T, [HallEvent]) in
            let (value, events) = try work(tx)
            return (value, try events.map { $0.id == 0 ? try tx.append($0) : $0 })
        }
        sink.publish(events)
        return value
    }

    /// The case with identifier `id`.
    static func load(_ id: Int64, _ tx: any IntakeTransaction) throws -> Case {
        guard let c = try tx.loadCase(id: id) else { throw CaseError.unknownCase("#\(id)") }
        return c
    }

    /// A case event: identifiers, item and state only — no personal data.
    static func event(
        _ type: EventType, _ c: Case, _ at: Date, _ actor: String,
        _ extra: [String: String] = [:]
    ) -> HallEvent {
        var data = [
            "caseID": String(c.id), "itemID": c.item.id, "itemName": c.item.name, "state": c.state.rawValue,
            "owner": c.owner,
        ]
        if let number = c.number { data["caseNumber"] = number }
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, window: c.window, actor: actor, data: data)
    }
}
