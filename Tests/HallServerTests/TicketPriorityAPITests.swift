import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Priority tickets on `POST /api/tickets`: appointment priority only through a check-in, green
/// channel only from a clerk or the center head.
@Suite("Ticket priority over HTTP")
struct TicketPriorityAPITests {
    @Test("appointment priority is refused on the ticket API to everyone, with the way to a check-in")
    func appointmentPriorityOnlyByCheckIn() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let head = try await client.staffToken("zhao.head", roles: [.head])
            for token in [TestCredentials.kiosk, clerk, head] {
                let (status, body) = try await client.send(
                    .post, "/api/tickets", #"{"service":"综合窗口","priority":"appointment"}"#,
                    token: token)
                #expect(status == .badRequest && errorCode(body) == "appointment_priority_needs_check_in", "\(body)")
                #expect(errorMessage(body).contains("预约签到"))
            }
            #expect(try await client.decode(HallStatus.self, .get, "/api/status").issuedToday == 0, "nothing was issued")
            let normal = try await client.send(.post, "/api/tickets", #"{"service":"综合窗口","priority":"normal"}"#, token: TestCredentials.kiosk)
            #expect(normal.0 == .created && normal.1.contains("\"priority\":\"normal\""))
        }
    }

    @Test("green channel is given by a clerk or the head, refused to the kiosk and the administrator; it is called first")
    func greenChannelByStaffOnly() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let green = #"{"service":"社保医保","priority":"green_channel"}"#
            for token in [TestCredentials.kiosk, admin] {
                let (status, body) = try await client.send(.post, "/api/tickets", green, token: token)
                #expect(status == .forbidden && errorCode(body) == "green_channel_staff_only", "\(body)")
                #expect(errorMessage(body).contains("绿色通道"))
            }
            let walkIn = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
            #expect(walkIn.0 == .created)
            let byClerk = try HallJSON.decoder().decode(
                IssuedTicket.self,
                from: Data(try await client.send(.post, "/api/tickets", green, token: clerk).1.utf8))
            #expect(byClerk.ticket.priority == .greenChannel && byClerk.peopleAhead == 0, "ahead of the walk-in")
            let (byHead, headBody) = try await client.send(.post, "/api/tickets", green, token: head)
            #expect(byHead == .created && headBody.contains("\"priority\":\"green_channel\""))
            #expect(try await client.decode(Ticket.self, .post, "/api/windows/3/call-next", token: clerk).number == byClerk.ticket.number)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: head)
            #expect(
                audit.filter { $0.action == "ticket.issue" }.map(\.actor).sorted() == ["kiosk-1", "li.na", "zhao.head"],
                "refused requests issue nothing and are not audited as changes")
        }
    }
}
