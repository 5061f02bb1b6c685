import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// One number everywhere: what the kiosk and the hall screen show for a service (GET /api/status:
/// people waiting, and the wait of a ticket taken now) is what the ticket issued next is told and
/// printed (the issue answer feeds the slip), and what its status page says afterwards.
@Suite("Wait figures agree across kiosk, screen, ticket and status page")
struct WaitFiguresAgreeTests {
    @Test("农牧业 (one window): before and after each ticket, with the window open and paused")
    func sameFiguresForTheSameTicket() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            var told: [String: (ahead: Int, minutes: Int)] = [:]
            for step in 0..<5 {
                if step == 3 {
                    // The only 农牧业 window pauses: nobody serves the queue, the estimates change together.
                    #expect(try await client.send(.post, "/api/windows/5/pause").0 == .ok)
                }
                let before = try await Self.queue(client)
                let (status, body) = try await client.send(
                    .post, "/api/tickets", #"{"service":"农牧业"}"#, token: TestCredentials.kiosk)
                #expect(status == .created)
                let issued = try HallJSON.decoder().decode(IssuedTicket.self, from: Data(body.utf8))
                #expect(issued.peopleAhead == before.waiting, "kiosk/screen count vs ticket \(issued.ticket.number)")
                #expect(issued.estimatedWaitMinutes == before.estimatedWaitMinutes, "kiosk/screen estimate vs ticket")
                let page = try await client.decode(TicketStatus.self, .get, "/api/tickets/\(issued.ticket.id)")
                #expect(page.peopleAhead == issued.peopleAhead && page.estimatedWaitMinutes == issued.estimatedWaitMinutes)
                told[issued.ticket.number] = (issued.peopleAhead, issued.estimatedWaitMinutes)
                let after = try await Self.queue(client)
                #expect(after.waiting == before.waiting + 1)
            }
            // Tickets issued while the window was open keep their place; their page agrees with what the
            // queue says for that many people ahead (the paused window makes every wait one turn longer).
            let queue = try await Self.queue(client)
            #expect(queue.openWindows == 0)
            for (number, figures) in told {
                let page = try await client.decode(TicketStatus.self, .get, "/api/tickets/\(number)")
                #expect(page.peopleAhead == figures.ahead, "\(number)")
                #expect(page.estimatedWaitMinutes == Self.turns(figures.ahead + 1, queue), "\(number)")
            }
            #expect(queue.estimatedWaitMinutes == Self.turns(queue.waiting + 1, queue))
        }
    }

    /// `count` turns of the service's typical duration, in whole minutes (no real durations yet).
    static func turns(_ count: Int, _ queue: ServiceQueue) -> Int {
        Int((Double(count) * queue.service.typicalServiceMinutes).rounded(.up))
    }

    static func queue(_ client: some TestClientProtocol) async throws -> ServiceQueue {
        let status = try await client.decode(HallStatus.self, .get, "/api/status")
        return try #require(status.services.first { $0.service.name == "农牧业" })
    }
}
