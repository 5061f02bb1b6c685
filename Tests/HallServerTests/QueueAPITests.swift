import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Queue API over HTTP")
struct QueueAPITests {
    @Test("take a ticket, call it, serve it, finish it")
    func happyPath() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            let (status, body) = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
            #expect(status == .created)
            let issued = try HallJSON.decoder().decode(IssuedTicket.self, from: Data(body.utf8))
            #expect(issued.ticket.number == "B001" && issued.serviceName == "社保医保" && issued.peopleAhead == 0)

            let called = try await client.decode(Ticket.self, .post, "/api/windows/3/call-next", token: clerk)
            #expect(called.number == "B001" && called.state == .called && called.windowNumber == 3)
            #expect(try await client.decode(Ticket.self, .post, "/api/windows/3/recall", token: clerk).recalls == 1)
            #expect(try await client.decode(Ticket.self, .post, "/api/windows/3/start", token: clerk).state == .serving)
            #expect(try await client.decode(Ticket.self, .post, "/api/windows/3/finish", token: clerk).state == .done)

            let status2 = try await client.decode(HallStatus.self, .get, "/api/status")
            #expect(status2.issuedToday == 1 && status2.servedToday == 1)
            #expect(try await client.decode(TicketStatus.self, .get, "/api/tickets/b001").ticket.state == .done)
            #expect(try await client.decode(TicketStatus.self, .get, "/api/tickets/\(issued.ticket.id)").ticket.number == "B001")
        }
    }

    @Test("client mistakes get a 4xx JSON error a clerk can act on, never a 500")
    func errors() async throws {
        let (server, folder) = try makeServer { $0.maxRequestBytes = 2048 }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            func expectError(_ method: HTTPRequest.Method, _ uri: String, _ json: String?, _ status: HTTPResponse.Status, _ code: String) async throws
            {
                let token = uri.hasPrefix("/api/tickets") && method == .post ? TestCredentials.kiosk : clerk
                let (got, body) = try await client.send(method, uri, json, token: token)
                #expect(got == status, "\(uri): \(body)")
                let error = try errorBody(body)
                #expect(error.error == code)
                #expect(!error.message.isEmpty)
            }
            try await expectError(.post, "/api/tickets", #"{"service":"户籍"}"#, .notFound, "unknown_service")
            try await expectError(.post, "/api/tickets", #"{"service":"#, .badRequest, "malformed_json")
            try await expectError(.post, "/api/tickets", #"{"svc":"A"}"#, .badRequest, "malformed_json")
            try await expectError(.post, "/api/tickets", #"{"service":"A","priority":"vip"}"#, .badRequest, "malformed_json")
            try await expectError(
                .post, "/api/tickets", "{\"service\":\"" + String(repeating: "x", count: 4096) + "\"}",
                .contentTooLarge, "body_too_large")
            try await expectError(.post, "/api/windows/9/call-next", nil, .notFound, "unknown_window")
            try await expectError(.post, "/api/windows/abc/call-next", nil, .badRequest, "invalid_parameter")
            try await expectError(.post, "/api/windows/3/finish", nil, .conflict, "window_idle")
            try await expectError(.post, "/api/windows/4/call-next", nil, .conflict, "queue_empty")
            _ = try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk)
            try await expectError(.post, "/api/windows/4/call", #"{"ticket":"A001"}"#, .badRequest, "window_does_not_serve")
            _ = try await client.send(.post, "/api/windows/1/call-next", token: clerk)
            try await expectError(.post, "/api/windows/1/finish", nil, .conflict, "invalid_transition")
            try await expectError(.post, "/api/windows/1/transfer", "{}", .badRequest, "transfer_target_missing")
            try await expectError(.get, "/api/nothing-here", nil, .notFound, "not_found")
            try await expectError(.trace, "/api/status", nil, .methodNotAllowed, "method_not_allowed")
            try await expectError(.get, "/api/tickets/Z999", nil, .notFound, "unknown_ticket")
        }
    }

    @Test("healthz, metrics and the OpenAPI document are served")
    func operations() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            _ = try await client.send(.post, "/api/tickets", #"{"service":"民政残联"}"#, token: TestCredentials.kiosk)
            let (healthStatus, health) = try await client.send(.get, "/healthz")
            #expect(healthStatus == .ok && health.contains(#""database":"ok""#))
            let (_, metrics) = try await client.send(.get, "/metrics")
            #expect(metrics.contains(#"hall_tickets_issued_total{service="civil-affairs"} 1"#))
            #expect(metrics.contains(#"hall_queue_waiting{service="civil-affairs"} 1"#))
            let (openapiStatus, openapi) = try await client.send(.get, "/openapi.yaml")
            #expect(openapiStatus == .ok && openapi.hasPrefix("openapi: 3"))
        }
    }
}
