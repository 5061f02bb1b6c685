import Foundation
import HallCore
import HallHub
import HallStore
import Testing

/// `kill -9` of a real halld while it sends to the hub: after a restart, every event of its log
/// is at the hub once and in order.
@Suite(.serialized) struct HalldCrashTests {
    @Test func aHalldKilledMidBatchResumesAndNothingArrivesTwice() async throws {
        let hub = try await HubTestBed()
        let code = try await hub.code(for: "town-k")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-hub-crash-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let databasePath = folder.appendingPathComponent("hall.sqlite").path
        let halld = try HalldProcess(
            databasePath: databasePath,
            settings: [
                #"hub.url="\#(hub.url)""#, #"hub.hall="town-k""#, #"hub.enrollmentCode="\#(code)""#, "hub.batchSize=5",
                "hub.intervalSeconds=0.02", "hub.initialBackoffSeconds=0.05", "hub.maxBackoffSeconds=0.5",
            ])
        try await halld.start()
        // Tickets while the hub is away, so that a backlog waits when it comes back.
        await hub.stopApplication()
        for i in 0..<120 { #expect(try await halld.issueTicket(service: ["A", "B", "C"][i % 3])) }
        try await hub.startApplication()
        // Kill halld as soon as the hub holds part of the backlog: in the middle of its batches.
        do {
            try await eventually("the hub receives part of the backlog", seconds: 30) {
                try await hub.store.events(of: "town-k").count >= 10
            }
        } catch {
            let health = try? await HubHTTP.get("\(halld.baseURL)/healthz").text
            throw TestFailure("\(error); halld's health: \(health ?? "none")")
        }
        halld.kill9()
        let before = try await hub.store.events(of: "town-k").count
        try await halld.start()
        for i in 0..<30 { #expect(try await halld.issueTicket(service: ["A", "B", "C"][i % 3])) }
        let database = try HallDatabase(StoreConfiguration(path: databasePath, synchronous: .normal))
        let outbox = SQLiteHubOutbox(database)
        try await eventually("the hub holds the whole log", seconds: 60) {
            try await outbox.lag(at: Date()).events == 0
        }
        halld.kill9()
        let local = try await outbox.events(after: 0, limit: 100_000).map(SyncProjection.project)
        let remote = try await hub.store.events(of: "town-k")
        #expect(before < local.count)
        #expect(remote == local)
        #expect(local.count >= 150)
        await hub.shutdown()
    }
}
