/// What a clerk enters to open a follow-up.
public struct FollowUpRequest: Codable, Sendable, Equatable {
    public var subject: String
    public var source: FollowUp.Source
    public var contactName: String?
    public var contactPhone: String
    /// The resident agreed that the contact is kept. Must be true.
    public var consent: Bool
    /// Working days until due (default from the settings), or an explicit `dueDay`.
    public var dueWorkingDays: Int?
    public var dueDay: LocalDay?
    /// Owner other than the clerk opening it (only the head may hand one to someone else).
    public var owner: String?

    public init(
        subject: String, source: FollowUp.Source, contactName: String? = nil, contactPhone: String, consent: Bool,
        dueWorkingDays: Int? = nil, dueDay: LocalDay? = nil, owner: String? = nil
    ) {
        self.subject = subject
        self.source = source
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.consent = consent
        self.dueWorkingDays = dueWorkingDays
        self.dueDay = dueDay
        self.owner = owner
    }
}
