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

    @Test("open windows per service, as counted from all windows, before and after pausing")
    func openWindowCount() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try HallDatabase(StoreConfiguration(path: temp.path))
        try database.configure(services: Self.services, windows: Self.windows)
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

    @Test("services come in configuration order after a reordering")
    func serviceOrder() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try HallDatabase(StoreConfiguration(path: temp.path))
        try database.configure(services: Self.services, windows: Self.windows)
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
}
