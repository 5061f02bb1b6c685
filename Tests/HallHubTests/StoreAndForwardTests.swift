import Foundation
import HallCore
import HallHub
import HallServer
import Testing

/// Three halls, one hub, a real PostgreSQL: every event arrives once and in order, through hub
/// restarts, a PostgreSQL crash, a hall cut off for a while, and resends after lost answers.
@Suite(.serialized) struct StoreAndForwardTests {
    /// Whether the hub holds exactly each hall's own log (projected), in order.
    func assertHubMatches(_ halls: [TestHall], _ hub: HubTestBed) async throws {
        for hall in halls {
            let local = try await hall.log()
            let remote = try await hub.store.events(of: hall.id)
            #expect(remote.count == local.count, "\(hall.id): hub \(remote.count), hall \(local.count)")
            #expect(remote == local, "\(hall.id): the hub's events differ from the hall's log")
        }
        let duplicates = try hub.postgres.psql(
            "SELECT count(*) FROM (SELECT hall_id, sequence FROM hall_event GROUP BY 1, 2 HAVING count(*) > 1) d", database: "hub")
        #expect(duplicates == "0")
    }

    @Test func everyEventArrivesOnceAndInOrderThroughHubRestartsAndAPostgresCrash() async throws {
        let hub = try await HubTestBed()
        var halls: [TestHall] = []
        for id in ["town-a", "town-b", "town-c"] {
            halls.append(try TestHall(id: id, hub: hub.url, code: try await hub.code(for: id), batchSize: 7))
        }
        var senders: [Task<Void, Never>] = []
        for hall in halls {
            let link = try hall.link
            senders.append(Task { await link.run() })
        }
        // Work in every hall while the hub goes away twice and PostgreSQL crashes once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for hall in halls { group.addTask { try await hall.makeEvents(tickets: 60) } }
            group.addTask {
                try await Task.sleep(for: .milliseconds(300))
                await hub.stopApplication()
                try await Task.sleep(for: .milliseconds(700))
                try await hub.startApplication()
                try await Task.sleep(for: .milliseconds(300))
                hub.postgres.kill9()
                try await Task.sleep(for: .milliseconds(500))
                try await hub.postgres.start()
            }
            try await group.waitForAll()
        }
        try await eventually("every hall acknowledged") {
            var done = true
            for hall in halls where try await hall.link.refreshLag().events > 0 { done = false }
            return done
        }
        for sender in senders { sender.cancel() }
        try await assertHubMatches(halls, hub)
        // The hub's figures of the day equal each hall's own.
        let timeZone = halls[0].server.configuration.queue.timeZone
        let overview = try await hub.store.overview(day: LocalDay(Date(), in: timeZone), timeZone: timeZone)
        for hall in halls {
            let own = try await hall.server.queue.service.status()
            let figures = try #require(overview.first { $0.hall == hall.id })
            #expect(figures.waiting == Int64(own.services.map(\.waiting).reduce(0, +)), "\(hall.id)")
            #expect(figures.ticketsIssued == 60, "\(hall.id)")
        }
        let total = try await halls.asyncMap { try await $0.log().count }.reduce(0, +)
        #expect(total >= 3 * 60)
        for hall in halls { hall.remove() }
        await hub.shutdown()
    }

    @Test func aHallCutOffCatchesUpAndShowsItsLag() async throws {
        let hub = try await HubTestBed()
        let hall = try TestHall(id: "town-cut", hub: hub.url, code: try await hub.code(for: "town-cut"), batchSize: 20)
        try await hall.makeEvents(tickets: 10)
        try await hall.drain()
        #expect(try await hall.link.refreshLag().events == 0)
        // The link is cut: the hall keeps working, its lag grows and shows in /healthz and /metrics.
        await hub.stopApplication()
        try await hall.makeEvents(tickets: 40)
        await #expect(throws: (any Error).self) { _ = try await hall.link.round() }
        let lag = try await hall.link.refreshLag()
        #expect(lag.events >= 40)
        let health = await hall.server.hubLink.health()
        #expect(health.first?.name == "hub-link" && health.first?.condition.contains("待上传") == true)
        let metric = hall.server.metrics.exposition().split(separator: "\n").first { $0.hasPrefix("hall_hub_lag_events ") }
        #expect(metric.flatMap { Double($0.split(separator: " ").last ?? "") } == Double(lag.events))
        // Back on line: it catches up in batches, in order, once.
        try await hub.startApplication()
        try await hall.drain()
        #expect(try await hall.link.refreshLag().events == 0)
        try await assertHubMatches([hall], hub)
        hall.remove()
        await hub.shutdown()
    }

    @Test func aHubRestoredFromAnOlderBackupGetsTheMissingEventsAgain() async throws {
        let hub = try await HubTestBed()
        let hall = try TestHall(id: "town-r", hub: hub.url, code: try await hub.code(for: "town-r"), batchSize: 10)
        try await hall.makeEvents(tickets: 15)
        try await hall.drain()
        // The hub loses its latest events (as a restore from an older backup would).
        _ = try hub.postgres.psql(
            "DELETE FROM hall_event WHERE hall_id = 'town-r' AND sequence > 5; UPDATE hall SET last_sequence = 5 WHERE id = 'town-r'",
            database: "hub")
        try await hall.makeEvents(tickets: 2)
        #expect(try await hall.link.round() == .resynchronised)
        try await hall.drain()
        try await assertHubMatches([hall], hub)
        hall.remove()
        await hub.shutdown()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
