import Foundation
import HallCore
import HallServer
import HallStore
import Testing

/// A hall in this process (a `HallServer` on a temporary SQLite database) linked to a test hub.
struct TestHall {
    let id: String
    let server: HallServer
    let folder: URL

    var link: HubLink {
        get throws { try #require(server.hubLink.link, "the hall has no hub link") }
    }

    init(id: String, hub: String, code: String, batchSize: Int = 50, caFile: String = "") throws {
        self.id = id
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-hub-\(id)-\(UUID().uuidString.prefix(8))")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.hardware = .none
        configuration.accounts.passwordCost = 4
        configuration.accounts.initialAdminPassword = "admin-pass-2026"
        configuration.extendedHours.refuseTicketsAfterClosing = false
        configuration.hub.url = hub
        configuration.hub.caFile = caFile
        configuration.hub.hall = id
        configuration.hub.enrollmentCode = code
        configuration.hub.batchSize = batchSize
        configuration.hub.intervalSeconds = 0.05
        configuration.hub.initialBackoffSeconds = 0.05
        configuration.hub.maxBackoffSeconds = 0.4
        server = try HallServer(configuration: configuration, standIns: nil, scanHelper: nil)
    }

    /// Issues `count` tickets (and calls some), each a committed event in the hall's log.
    func makeEvents(tickets count: Int) async throws {
        let services = server.configuration.services.map(\.id)
        for i in 0..<count {
            _ = try await server.queue.service.issue(serviceKey: services[i % services.count])
            if i % 3 == 2, let window = server.configuration.windows.first?.number {
                _ = try? await server.queue.service.callNext(window: window)
            }
        }
    }

    /// The hall's own event log, projected as it crosses.
    func log() async throws -> [SyncEvent] {
        try await SQLiteHubOutbox(server.database).events(after: 0, limit: 1_000_000).map(SyncProjection.project)
    }

    /// Runs rounds until the link is idle (everything acknowledged).
    func drain() async throws {
        let link = try link
        for _ in 0..<10_000 where try await link.round() != .idle {}
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Waits (polling) until `condition` holds, or fails after `seconds`.
func eventually(_ what: String, seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw TestFailure("timed out waiting for \(what)")
}
