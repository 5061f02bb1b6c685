extension HomeVisitService: FollowUpSource {
    /// Visits followed up for an unfinished item (跟踪督办), for the head's board: the number and
    /// item, what remains, the visiting staff — not the applicant or the address.
    public func openFollowUps() async throws -> [DueFollowUp] {
        let today = today()
        return try await visits(states: [.followUp]).compactMap { v in
            guard let deadline = v.outcome?.deadline else { return nil }
            return DueFollowUp(
                kind: .visit, id: v.id, title: "\(v.number) \(v.itemName)", detail: v.outcome?.unfinished,
                owners: v.plan?.staff.map(\.username) ?? [], dueDay: deadline, today: today,
                closePath: "/api/visits/\(v.number)/close")
        }
    }
}
