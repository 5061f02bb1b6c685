import Foundation

/// Home visits (上门服务): requests recorded by clerks (at least two working days ahead), reviewed by the
/// center within one working day (a refusal carries a reason and an alternative), approved with time,
/// place, visiting staff and materials; on site a case can be opened and a receipt issued; unfinished
/// items get a deadline and are followed up; satisfaction calls and spot checks are recorded.
///
/// The use cases live in extensions, one concern per file: request and review (`+Review`), on site
/// (`+OnSite`), quality checks (`+Quality`) and deadlines (`+Deadlines`).
public final class HomeVisitService: Sendable {
    let store: any HomeVisitStore
    let intake: IntakeService
    let clock: any HallClock
    let settings: AppointmentSettings
    let timeZone: TimeZone
    private let sink: any HallEventSink

    public init(
        store: any HomeVisitStore, intake: IntakeService, clock: any HallClock, settings: AppointmentSettings,
        timeZone: TimeZone, sink: any HallEventSink
    ) {
        self.store = store
        self.intake = intake
        self.clock = clock
        self.settings = settings
        self.timeZone = timeZone
        self.sink = sink
    }

    /// Today in the hall's time zone.
    public func today() -> LocalDay { LocalDay(clock.now(), in: timeZone) }

    // MARK: Reading

    /// A visit by number (`SM20261202-01`) or identifier.
    public func load(_ ref: String) async throws -> HomeVisit {
        try await store.read { try Self.find(ref, $0) }
    }

    /// Visits in any of `states`, oldest first.
    public func visits(states: Set<HomeVisitState>) async throws -> [HomeVisit] {
        try await store.read { try $0.visits(states: states) }
    }

    /// Approved visits `username` goes on, from today on.
    public func duty(username: String) async throws -> [HomeVisit] {
        let day = today()
        return try await visits(states: [.approved]).filter { v in
            guard let plan = v.plan else { return false }
            return plan.day >= day && plan.staff.contains { $0.username == username }
        }
    }

    // MARK: Helpers

    /// Refuses `action` unless the visit is in one of `states`.
    static func require(_ v: HomeVisit, _ states: Set<HomeVisitState>, _ action: String) throws {
        guard states.contains(v.state) else { throw HomeVisitError.invalidState(visit: v.number, state: v.state, action: action) }
    }

    /// The visit named by number or identifier.
    static func find(_ ref: String, _ tx: any HomeVisitTransaction) throws -> HomeVisit {
        let trimmed = ref.trimmingCharacters(in: .whitespaces).uppercased()
        let found = try Int64(trimmed).flatMap { try tx.visit(id: $0) } ?? tx.visit(number: trimmed)
        guard let visit = found else { throw HomeVisitError.unknownVisit(ref) }
        return visit
    }

    /// Loads the visit, lets `change` produce the new one and extra event data, stores it and logs the event.
    func mutate(
        _ ref: String, _ type: EventType, _ actor: String,
        _ change: @escaping @Sendable (HomeVisit, any HomeVisitTransaction) throws -> (HomeVisit, [String: String])
    )
        async throws -> HomeVisit
    {
        let now = clock.now()
        return try await run { tx in
            let (changed, data) = try change(try Self.find(ref, tx), tx)
            try tx.update(changed)
            return (changed, [Self.event(type, changed, now, actor, data)])
        }
    }

    /// Runs `work` in a durable transaction; its events are appended inside it and published after commit.
    func run<T: Sendable>(_ work: @escaping @Sendable (any HomeVisitTransaction) throws -> (T, [HallEvent])) async throws -> T {
        try await EventedWrite.run(write: { try await store.write($0) }, append: { try $0.append($1) }, sink: sink, work)
    }

    /// A visit event: identifiers, item and state — no personal data, no address.
    static func event(_ type: EventType, _ v: HomeVisit, _ at: Date, _ actor: String, _ extra: [String: String] = [:]) -> HallEvent {
        var data = [
            "visitID": String(v.id), "number": v.number, "itemID": v.itemID, "itemName": v.itemName,
            "state": v.state.rawValue,
        ]
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: at, actor: actor, data: data)
    }
}
