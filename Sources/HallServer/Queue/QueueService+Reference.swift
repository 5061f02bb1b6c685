import HallCore

extension QueueService {
    /// A ticket named in a path: its id (any day) or its number today (`b001` as `B001`).
    func ticketStatus(ref: String) async throws -> TicketStatus {
        if let id = Int64(ref) { return try await ticketStatus(id: id) }
        return try await ticketStatus(number: ref.uppercased())
    }
}
