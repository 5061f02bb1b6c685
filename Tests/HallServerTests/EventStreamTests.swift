import Foundation
import HallCore
import HallServer
import HummingbirdTesting
import HummingbirdWSTesting
import Testing

@Suite("WebSocket event stream")
struct EventStreamTests {
    @Test("a screen receives ticket.issued and ticket.called as they happen")
    func streamsEvents() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("clerk3")
            let received = try await client.streamedEvents(server, count: 3) {
                _ = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
                _ = try await client.send(.post, "/api/windows/3/call-next", token: clerk)
                _ = try await client.send(.post, "/api/windows/3/pause", token: clerk)
            }
            #expect(received.map(\.type) == [.ticketIssued, .ticketCalled, .windowPaused])
            #expect(received[1].ticket?.number == "B001" && received[1].window == 3)
            #expect(received.map(\.actor) == ["kiosk-1", "clerk3", "clerk3"], "events record who did it")
        }
    }
}

extension TestClientProtocol {
    /// Listens on `/ws/events`, runs `actions` once subscribed, and returns the first `count`
    /// events that `keep` accepts, in the order they were streamed.
    func streamedEvents(
        _ server: HallServer, count: Int, keep: @escaping @Sendable (HallEvent) -> Bool = { _ in true },
        while actions: @escaping @Sendable () async throws -> Void
    ) async throws -> [HallEvent] {
        try await withThrowingTaskGroup(of: [HallEvent].self) { group in
            group.addTask {
                let collected = Collected()
                try await self.ws("/ws/events") { inbound, _, _ in
                    for try await message in inbound.messages(maxSize: 1 << 16) {
                        guard case .text(let text) = message else { continue }
                        let event = try HallJSON.decoder().decode(HallEvent.self, from: Data(text.utf8))
                        if keep(event), collected.add(event) == count { break }
                    }
                }
                return collected.events
            }
            while server.hub.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try await actions()
            return try await group.next()!
        }
    }
}

/// Events gathered by the WebSocket handler.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [HallEvent] = []
    var events: [HallEvent] { lock.withLock { list } }
    func add(_ event: HallEvent) -> Int {
        lock.withLock {
            list.append(event); return list.count
        }
    }
}
