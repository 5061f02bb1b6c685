import Foundation
import HallCore

/// A ticket as a clerk names it: its printed number (today's C002) or, for an older one, its id.
enum TicketRef {
    /// The ticket's id: a plain number is taken as the id, anything else is looked up as today's
    /// ticket number (`GET /api/tickets/C002`).
    static func id(of ref: String, client: APIClient) async throws -> Int64 {
        let text = ref.trimmingCharacters(in: .whitespaces).uppercased()
        if let id = Int64(text), id > 0 { return id }
        let data = try await client.send("GET", "api/tickets/\(text)")
        return try HallJSON.decoder().decode(TicketStatus.self, from: data).ticket.id
    }
}
