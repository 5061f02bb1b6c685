import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Pad tokens of the rating tests: one pad at window 3, one at window 1.
enum PadCredentials {
    static let window3 = "test-pad-token-0003"
    static let window1 = "test-pad-token-0001"

    static func configure(_ c: inout HallConfiguration) {
        c.devices.ratingPads = [.init(id: "pad-3", token: window3, window: 3), .init(id: "pad-1", token: window1, window: 1)]
    }
}

extension TestClientProtocol {
    /// A kiosk ticket for 社保医保, served to the end at `window` by the clerk of `token`; returns its id and number.
    func servedTicket(at window: Int, clerk token: String) async throws -> (id: Int64, number: String) {
        let issued = try await decode(IssuedTicket.self, .post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
        for action in ["call-next", "start", "finish"] {
            let (status, body) = try await send(.post, "/api/windows/\(window)/\(action)", token: token)
            guard status == .ok else { throw TestFailure("\(action): \(status) \(body)") }
        }
        return (issued.ticket.id, issued.ticket.number)
    }
}

@Suite("Ratings API: rating pad, QR page with the ticket's key, follow-ups")
struct RatingAPITests {
    @Test("finish at window 3 → its pad offers the ticket → 不满意 opens a follow-up → the head closes it; twice is refused")
    func padAndFollowUp() async throws {
        let (server, folder) = try makeServer(PadCredentials.configure)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("clerk3")
            let head = try await client.staffToken("head1", roles: [.head])
            let (idleStatus, idle) = try await client.send(.get, "/api/rating-pad", token: PadCredentials.window3)
            #expect(idleStatus == .ok && idle.contains(#""window":3"#) && !idle.contains("offer"), "\(idle)")

            let ticket = try await client.servedTicket(at: 3, clerk: clerk)
            let view = try await client.decode(RatingPadView.self, .get, "/api/rating-pad", token: PadCredentials.window3)
            #expect(view.offer?.ticketID == ticket.id && view.offer?.serviceName == "社保医保" && view.offer?.staffName == "测试clerk3")
            #expect(try await client.decode(RatingPadView.self, .get, "/api/rating-pad", token: PadCredentials.window1).offer == nil)

            // The pad of window 1 cannot rate a ticket served at window 3; nobody but a pad may use the pad API.
            let (other, otherBody) = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(ticket.id),"level":"satisfied"}"#,
                token: PadCredentials.window1)
            #expect(try other == .forbidden && errorBody(otherBody).error == "other_window")
            for token in [clerk, head, TestCredentials.kiosk] {
                #expect(
                    try await client.send(.post, "/api/rating-pad", #"{"ticket":\#(ticket.id),"level":"satisfied"}"#, token: token).0 == .forbidden)
                #expect(try await client.send(.get, "/api/rating-pad", token: token).0 == .forbidden)
            }
            // A pad may do nothing else.
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"A"}"#, token: PadCredentials.window3).0 == .forbidden)
            #expect(try await client.send(.post, "/api/windows/3/call-next", token: PadCredentials.window3).0 == .forbidden)
            #expect(try await client.send(.get, "/api/rating-follow-ups", token: PadCredentials.window3).0 == .forbidden)
            let (bad, badBody) = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(ticket.id),"level":"meh"}"#,
                token: PadCredentials.window3)
            #expect(try bad == .badRequest && errorBody(badBody).error == "malformed_json")

            let (rated, ratedBody) = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(ticket.id),"level":"dissatisfied"}"#,
                token: PadCredentials.window3)
            #expect(rated == .created, "\(ratedBody)")
            let receipt = try HallJSON.decoder().decode(RatingReceipt.self, from: Data(ratedBody.utf8))
            let followUp = try #require(receipt.followUp)
            #expect(receipt.rating.channel == .pad && receipt.rating.device == "pad-3" && receipt.rating.staff == "clerk3")
            let (again, againBody) = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(ticket.id),"level":"satisfied"}"#,
                token: PadCredentials.window3)
            #expect(try again == .conflict && errorBody(againBody).error == "already_rated")
            #expect(try errorBody(againBody).message == "号票 \(ticket.number) 已评价过，每次服务只能评价一次。")
            #expect(try await client.decode(RatingPadView.self, .get, "/api/rating-pad", token: PadCredentials.window3).offer == nil)

            // The head sees and closes the follow-up; a clerk may neither read nor close it.
            #expect(try await client.send(.get, "/api/rating-follow-ups", token: clerk).0 == .forbidden)
            let list = try await client.decode([RatingFollowUpStatus].self, .get, "/api/rating-follow-ups?state=open", token: head)
            #expect(list.map(\.followUp.id) == [followUp.id] && list[0].followUp.level == .dissatisfied && !list[0].isOverdue)
            #expect(try await client.send(.post, "/api/rating-follow-ups/\(followUp.id)/close", #"{"note":"已回访"}"#, token: clerk).0 == .forbidden)
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            #expect(
                try await client.send(.post, "/api/rating-follow-ups/\(followUp.id)/close", #"{"note":"已回访"}"#, token: admin).0 == .forbidden,
                "the head handles follow-ups, the administrator only reads them")
            let (noNote, noNoteBody) = try await client.send(.post, "/api/rating-follow-ups/\(followUp.id)/close", #"{"note":"  "}"#, token: head)
            #expect(try noNote == .badRequest && errorBody(noNoteBody).error == "note_required")
            let closed = try await client.decode(
                RatingFollowUp.self, .post, "/api/rating-follow-ups/\(followUp.id)/close",
                #"{"note":"已电话回访，居民表示理解"}"#, token: head)
            #expect(closed.state == .closed && closed.closedBy == "head1", "the actor is the signed-in head")
            #expect(try await client.send(.get, "/api/rating-follow-ups?state=bogus", token: head).0 == .badRequest)
            let ratings = try await client.decode([Rating].self, .get, "/api/ratings", token: admin)
            #expect(ratings.map(\.ticketNumber) == [ticket.number])

            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: admin)
            #expect(audit.contains { $0.actor == "pad-3" && $0.action == "rating.submit" && $0.role == "rating_pad" })
            #expect(audit.contains { $0.actor == "head1" && $0.action == "rating.follow_up" })
        }
    }

    @Test("the QR page rates with the ticket's key; the bare ?id= link is read-only; twice is refused")
    func qrRating() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("clerk3")
            let waiting = try await client.decode(IssuedTicket.self, .post, "/api/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk)
            let notYet = try await client.decode(
                TicketRatingStatus.self, .get,
                "/api/tickets/\(waiting.ticket.id)/rating?k=\(server.queue.keys.key(for: waiting.ticket.id))")
            #expect(!notYet.isFinished && !notYet.canRate)
            // Residents rate without signing in: no token at all (the key is the credential).
            _ = try await client.send(.post, "/api/windows/1/call-next", token: clerk)
            _ = try await client.send(.post, "/api/windows/1/skip", token: clerk)
            let ticket = try await client.servedTicket(at: 3, clerk: clerk)
            let key = server.queue.keys.key(for: ticket.id)
            #expect(key.count == 22 && key != server.queue.keys.key(for: ticket.id + 1))

            let bare = try await client.decode(TicketRatingStatus.self, .get, "/api/tickets/\(ticket.id)/rating")
            #expect(bare.isFinished && !bare.canRate && bare.reason == "此链接只能查看进度；如需评价，请扫描号票上的二维码。")
            let holder = try await client.decode(TicketRatingStatus.self, .get, "/api/tickets/\(ticket.id)/rating?k=\(key)")
            #expect(holder.canRate && holder.reason == nil)

            let (missing, missingBody) = try await client.send(.post, "/api/tickets/\(ticket.id)/rating", #"{"key":"","level":"satisfied"}"#)
            #expect(try missing == .forbidden && errorBody(missingBody).error == "ticket_key_missing")
            let (wrong, wrongBody) = try await client.send(
                .post, "/api/tickets/\(ticket.id)/rating",
                #"{"key":"\#(server.queue.keys.key(for: ticket.id + 1))","level":"satisfied"}"#)
            #expect(try wrong == .forbidden && errorBody(wrongBody).error == "invalid_ticket_key")
            let (skipped, skippedBody) = try await client.send(
                .post, "/api/tickets/\(waiting.ticket.id)/rating",
                #"{"key":"\#(server.queue.keys.key(for: waiting.ticket.id))","level":"satisfied"}"#)
            #expect(try skipped == .conflict && errorBody(skippedBody).error == "ticket_not_finished", "a no-show is not rated")

            let (ok, okBody) = try await client.send(.post, "/api/tickets/\(ticket.id)/rating", #"{"key":"\#(key)","level":"very_satisfied"}"#)
            #expect(ok == .created, "\(okBody)")
            let receipt = try HallJSON.decoder().decode(RatingReceipt.self, from: Data(okBody.utf8))
            #expect(receipt.rating.channel == .qr && receipt.followUp == nil && receipt.message == "感谢您的评价！")
            let (twice, twiceBody) = try await client.send(.post, "/api/tickets/\(ticket.id)/rating", #"{"key":"\#(key)","level":"dissatisfied"}"#)
            #expect(try twice == .conflict && errorBody(twiceBody).error == "already_rated")
            #expect(try await client.decode(TicketRatingStatus.self, .get, "/api/tickets/\(ticket.id)/rating?k=\(key)").level == .verySatisfied)
            #expect(try await client.send(.get, "/api/tickets/abc/rating").0 == .badRequest)
            #expect(try await client.send(.get, "/api/tickets/9999/rating").0 == .notFound)

            // The key survives a restart: it is derived from a secret kept in the database.
            let again = try TicketKeys.tickets(server.database)
            #expect(again.key(for: ticket.id) == key && again.verify(key, for: ticket.id) && !again.verify(key, for: ticket.id + 1))
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: admin)
            #expect(audit.contains { $0.actor == "resident" && $0.action == "rating.submit" && $0.detail["channel"] == "qr" })
        }
    }
}
