/// What a clerk records for a home-visit request (in person, or after a phone call).
public struct VisitRequest: Codable, Sendable, Hashable {
    public var channel: BookingChannel
    public var applicantName: String
    public var applicantPhone: String
    public var applicantIDNumber: String?
    /// Filled when an agent applies for the resident.
    public var agentName: String?
    public var agentRelation: String?
    public var agentPhone: String?
    public var eligibility: VisitEligibility
    /// Required for `other`.
    public var eligibilityNote: String?
    public var itemID: String
    public var address: String
    public var preferredDay: LocalDay
    public var preferredTime: String?
    /// What the resident wants done.
    public var request: String

    public init(
        channel: BookingChannel, applicantName: String, applicantPhone: String, applicantIDNumber: String? = nil,
        agentName: String? = nil, agentRelation: String? = nil, agentPhone: String? = nil,
        eligibility: VisitEligibility, eligibilityNote: String? = nil, itemID: String, address: String,
        preferredDay: LocalDay, preferredTime: String? = nil, request: String
    ) {
        self.channel = channel
        self.applicantName = applicantName
        self.applicantPhone = applicantPhone
        self.applicantIDNumber = applicantIDNumber
        self.agentName = agentName
        self.agentRelation = agentRelation
        self.agentPhone = agentPhone
        self.eligibility = eligibility
        self.eligibilityNote = eligibilityNote
        self.itemID = itemID
        self.address = address
        self.preferredDay = preferredDay
        self.preferredTime = preferredTime
        self.request = request
    }
}

/// What the center head agrees when approving: time, place, visiting staff and materials.
public struct VisitApproval: Codable, Sendable, Hashable {
    public var day: LocalDay
    /// `HH:mm`.
    public var time: String
    /// Where to go; the request's address when nil.
    public var place: String?
    /// User names of the visiting staff (at least one).
    public var staff: [String]
    /// Material ids of the item to bring; every material of the item when nil.
    public var materialIDs: [String]?
    /// Further things to prepare, free text.
    public var extraMaterials: [String]
    /// The process and anything to note.
    public var notes: String?

    public init(
        day: LocalDay, time: String, place: String? = nil, staff: [String], materialIDs: [String]? = nil,
        extraMaterials: [String] = [], notes: String? = nil
    ) {
        self.day = day
        self.time = time
        self.place = place
        self.staff = staff
        self.materialIDs = materialIDs
        self.extraMaterials = extraMaterials
        self.notes = notes
    }
}

/// What the visiting staff report from the site.
public struct VisitOutcomeReport: Codable, Sendable, Hashable {
    public var finishedOnSite: Bool
    public var summary: String
    /// What remains, when not finished.
    public var unfinished: String?
    /// Working days for the rest (the configured default when nil).
    public var workingDays: Int?

    public init(finishedOnSite: Bool, summary: String, unfinished: String? = nil, workingDays: Int? = nil) {
        self.finishedOnSite = finishedOnSite
        self.summary = summary
        self.unfinished = unfinished
        self.workingDays = workingDays
    }
}
