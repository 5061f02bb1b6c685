/// What a clerk gives to open a case (from a called ticket or directly).
public struct OpenCaseRequest: Codable, Sendable, Hashable {
    public var itemID: String
    public var applicant: Applicant
    public var delivery: DeliveryPreference
    /// The clerk opening the case; becomes its owner (首问负责制).
    public var clerk: String
    public var ticketID: Int64?
    public var window: Int?

    public init(
        itemID: String, applicant: Applicant, delivery: DeliveryPreference = .windowPickup, clerk: String,
        ticketID: Int64? = nil, window: Int? = nil
    ) {
        self.itemID = itemID
        self.applicant = applicant
        self.delivery = delivery
        self.clerk = clerk
        self.ticketID = ticketID
        self.window = window
    }
}

/// A pre-review's outcome with the case as stored after it.
public struct PreReviewReport: Sendable, Hashable {
    public var outcome: PreReviewOutcome
    public var intakeCase: Case
}
