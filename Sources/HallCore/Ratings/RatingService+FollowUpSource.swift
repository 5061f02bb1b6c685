extension RatingService: FollowUpSource {
    /// Open rating follow-ups for the head's board: the rated ticket, level, window and staff
    /// member — nothing about the resident (ratings are anonymous).
    public func openFollowUps() async throws -> [DueFollowUp] {
        let today = today()
        return try await followUps(openOnly: true).map(\.followUp).map { f in
            DueFollowUp(
                kind: .rating, id: f.id, title: "\(f.ticketNumber) \(f.level.label)",
                detail: [f.window.map { "\($0)号窗口" }, f.staff].compactMap { $0 }.joined(separator: " ").nonEmpty,
                owners: [], dueDay: f.dueDay, today: today, closePath: "/api/rating-follow-ups/\(f.id)/close")
        }
    }
}
