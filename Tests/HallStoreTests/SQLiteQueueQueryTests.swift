import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// The narrow queries the ticket issue uses must answer what the general ones would.
@Suite("SQLite queue queries")
struct SQLiteQueueQueryTests {
    static let services = [
        Service(id: "social", name: "社保", prefix: "S"),
        Service(id: "social-insurance", name: "社保医保", prefix: "B"),
        Service(id: "general", name: "综合窗口", prefix: "A"),
        Service(id: "veterans", name: "退役军人", prefix: "F"),
    ]
    static let windows = [
        ServiceWindow(number: 1, name: "综合", serviceIDs: ["general", "social-insurance"]),
        ServiceWindow(number: 2, name: "社保", serviceIDs: ["social"]),
        ServiceWindow(number: 3, name: "社保医保", serviceIDs: ["social-insurance", "social", "general"]),
        ServiceWindow(number: 4, name: "空", serviceIDs: []),
    ]

    /// A fresh database with `services` and the windows above.
    private static func configured(_ services: [Service]) throws -> (TemporaryDatabase, HallDatabase) {
        let temp = try TemporaryDatabase()
        let database = try HallDatabase(StoreConfiguration(path: temp.path))
        try database.configure(services: services, windows: windows)
        return (temp, database)
    }

    @Test("open windows per service, as counted from all windows, before and after pausing")
    func openWindowCount() async throws {
        let (temp, database) = try Self.configured(Self.services)
        defer { temp.remove() }
        let store = SQLiteQueueStore(database)
        let ids = Self.services.map(\.id) + ["soc", "", "general,social", "unknown"]
        func counts() async throws -> (narrow: [Int], general: [Int]) {
            try await store.read { tx in
                let windows = try tx.allWindows()
                return (
                    try ids.map { try tx.openWindowCount(serving: $0) },
                    ids.map { id in windows.filter { !$0.isPaused && $0.serves(id) }.count }
                )
            }
        }
        var (narrow, general) = try await counts()
        #expect(narrow == general)
        #expect(narrow == [2, 2, 2, 0, 0, 0, 0, 0])
        try await store.write { tx in
            var window = try #require(try tx.allWindows().first { $0.number == 3 })
            window.isPaused = true
            try tx.save(window: window)
        }
        (narrow, general) = try await counts()
        #expect(narrow == general)
        #expect(narrow == [1, 1, 1, 0, 0, 0, 0, 0])
    }

    @Test("people ahead, tickets per state and waiting per service: the counts answer what the day's tickets say")
    func countsMatchTheTickets() async throws {
        let (temp, database) = try Self.configured(Self.services)
        defer { temp.remove() }
        let store = SQLiteQueueStore(database)
        let day = LocalDay("2026-12-07")!
        let start = day.instant(minutesAfterMidnight: 8 * 60 + 30, in: TimeZone(identifier: "Asia/Shanghai")!)
        // A mixed queue: three services, priorities, equal issue times, some called and done.
        let priorities: [TicketPriority] = [.normal, .normal, .greenChannel, .normal, .appointment, .normal]
        try await store.write { tx in
            for n in 0..<60 {
                let service = Self.services[n % 3]
                var ticket = try tx.insert(
                    Ticket(
                        number: "\(service.prefix)\(n)", day: day, sequence: n, serviceID: service.id,
                        priority: priorities[n % priorities.count], issuedAt: start.addingTimeInterval(Double(n / 4) * 60)))
                if n % 7 == 0 { ticket = try TicketTransitions.call(ticket, window: 1, at: start.addingTimeInterval(3600)) }
                if n % 14 == 0 { ticket = try TicketTransitions.finish(try TicketTransitions.start(ticket, at: start), at: start) }
                try tx.update(ticket)
            }
        }
        try await store.read { tx in
            let all = try tx.tickets(day: day, states: Set(TicketState.allCases))
            let waiting = all.filter { $0.state == .waiting }
            for ticket in waiting {
                #expect(try tx.countAhead(of: ticket) == CallPolicy.peopleAhead(of: ticket, among: waiting), "\(ticket.number)")
            }
            #expect(try tx.ticketCounts(day: day) == Dictionary(grouping: all, by: \.state).mapValues(\.count))
            #expect(try tx.waitingCounts(day: day) == Dictionary(grouping: waiting, by: \.serviceID).mapValues(\.count))
            #expect(waiting.count > 30 && Set(waiting.map(\.priority)).count == 3)
        }
    }

    @Test("the writer's cached services follow every reconfiguration: a removed service is unknown, a renamed prefix found")
    func cachedServicesFollowConfiguration() async throws {
        let (temp, database) = try Self.configured(Self.services)
        defer { temp.remove() }
        let store = SQLiteQueueStore(database)
        func written(_ keys: [String]) async throws -> [String?] {
            try await store.write { tx in try keys.map { try tx.service(named: $0)?.id } }
        }
        #expect(try await written(["veterans", "F", "Z"]) == ["veterans", "veterans", nil])
        var changed = Array(Self.services.dropLast())
        changed[0].prefix = "Z"
        try database.configure(services: changed, windows: Self.windows)
        #expect(try await written(["veterans", "F", "Z", "s"]) == [nil, nil, "social", nil])
        #expect(try await store.read { tx in try ["veterans", "Z"].map { try tx.service(named: $0)?.id } } == [nil, "social"])
    }

    @Test("services come in configuration order after a reordering")
    func serviceOrder() async throws {
        let (temp, database) = try Self.configured(Self.services)
        defer { temp.remove() }
        let reordered = [Self.services[3], Self.services[1], Self.services[0], Self.services[2]]
        try database.configure(services: reordered, windows: Self.windows)
        let store = SQLiteQueueStore(database)
        #expect(try await store.read { try $0.allServices() } == reordered)
    }

    @Test("id lists: split at commas, empty parts left out")
    func idLists() {
        #expect(HallDatabase.splitIDs("general,social-insurance") == ["general", "social-insurance"])
        #expect(HallDatabase.splitIDs(",a,,b,") == ["a", "b"])
        #expect(HallDatabase.splitIDs("") == [])
        for (list, id) in [("general,social", "social"), ("general,social", "soc"), ("general", ""), (",a,,b,", "b"), ("社保,医保", "医保")] {
            #expect(HallDatabase.idList(list, contains: id) == HallDatabase.splitIDs(list).contains(id))
        }
    }

    @Test("the writer finds a service by id or name first, else by prefix in any case, as the whole list would")
    func serviceByKey() async throws {
        // "f" is the veterans' prefix in lower case and the last service's id: the id wins, whatever the order.
        let services = Self.services + [Service(id: "f", name: "档案", prefix: "D")]
        let (temp, database) = try Self.configured(services)
        defer { temp.remove() }
        let store = SQLiteQueueStore(database)
        let expected: KeyValuePairs<String, String?> = [
            "social": "social", "社保": "social", "S": "social", "s": "social", "b": "social-insurance",
            "社保医保": "social-insurance", "f": "f", "F": "veterans", "d": "f", "档案": "f",
            "x": nil, "": nil, "S ": nil, "%": nil, "社": nil,
        ]
        for _ in 0..<2 {  // the first write fills the cache, the second reads it
            let found = try await store.write { tx in try expected.map { try tx.service(named: $0.key)?.id } }
            #expect(found == expected.map(\.value))
        }
        let read = try await store.read { tx in try expected.map { try tx.service(named: $0.key)?.id } }
        #expect(read == expected.map(\.value))
    }
}
