import Foundation
import GRDB
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("ID card tickets at once", .serialized)
struct IDCardConcurrencyTests {
    static let secondKiosk = "test-kiosk-token-0002"

    /// Requests at once on their own connections (the test client has one).
    static func concurrently(_ port: Int, _ requests: [(token: String, body: String)]) async throws -> [(Int, String)] {
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for r in requests {
                group.addTask { try await CaptureAPITests.post(port: port, "/api/idcard/tickets", r.body, token: r.token) }
            }
            var answers: [(Int, String)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
    }

    @Test("one person's card on two kiosks at once: exactly the limits issued, every ticket recorded with its limit")
    func concurrentTickets() async throws {
        let one = try CardReaderRig(), two = try CardReaderRig()
        defer {
            one.remove()
            two.remove()
        }
        let (server, folder) = try makeServer {
            one.configure(&$0)
            $0.devices.kiosks.append(.init(id: "kiosk-2", token: Self.secondKiosk))
            $0.hardware.idCardReaders = [
                .init(kiosk: true, transport: .tty, path: one.pty.path, kioskDevice: "kiosk-1"),
                .init(kiosk: true, transport: .tty, path: two.pty.path, kioskDevice: "kiosk-2"),
            ]
            $0.idCard.kiosk = CardTicketSettings(openTicketsPerService: 1, ticketsPerDay: 3, priorityAge: 0)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let port = try #require(client.port)
            // 韩梅梅 on both kiosks, twelve requests over four services: three tickets a day.
            one.emulator.place(0)
            two.emulator.place(0)
            let tokens = [TestCredentials.kiosk, Self.secondKiosk]
            let first = try await Self.concurrently(
                port, (0..<12).map { (tokens[$0 % 2], #"{"service":"\#(["A", "B", "C", "D"][$0 % 4])"}"#) })
            #expect(first.filter { $0.0 == 201 }.count == 3, "\(first)")
            #expect(first.filter { $0.0 == 409 }.count == 9, "\(first)")
            #expect(first.filter { $0.0 == 409 }.allSatisfy { ["idcard_daily_limit", "idcard_open_ticket_exists"].contains(errorCode($0.1)) })
            // 李雷, eight requests for one service: one open ticket per service.
            one.emulator.place(1)
            two.emulator.place(1)
            let second = try await Self.concurrently(port, (0..<8).map { (tokens[$0 % 2], #"{"service":"B"}"#) })
            #expect(second.filter { $0.0 == 201 }.count == 1, "\(second)")
            #expect(second.filter { $0.0 != 201 }.allSatisfy { $0.0 == 409 && errorCode($0.1) == "idcard_open_ticket_exists" }, "\(second)")
            let status = try await client.decode(HallStatus.self, .get, "/api/status")
            #expect(status.issuedToday == 4)
        }
        // Every ticket has its record, every record its ticket.
        let db = try DatabaseQueue(path: folder.appendingPathComponent("hall.sqlite").path)
        let (tickets, recorded, persons) = try await db.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idcard_ticket c JOIN ticket t ON t.id = c.ticket_id") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT person_key) FROM idcard_ticket") ?? -1
            )
        }
        #expect(tickets == 4 && recorded == 4 && persons == 2)
    }
}
