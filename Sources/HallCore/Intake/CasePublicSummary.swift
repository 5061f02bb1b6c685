/// A case as public surfaces (status page, hall screen, event stream, logs) may show it: the
/// applicant masked, no materials, no reasons that could identify a person.
public struct CasePublicSummary: Codable, Sendable, Hashable {
    public var number: String?
    public var itemID: String
    public var itemName: String
    public var state: CaseState
    public var stateLabel: String
    public var applicant: MaskedApplicant
    public var acceptedDay: LocalDay?
    public var promisedDay: LocalDay?
    public var hasProvisionalDates: Bool
    public var correctionDeadline: LocalDay?
    /// 窗口领取 / 邮寄送达.
    public var delivery: String
    /// Per department: its name and the decision's short name.
    public var reviews: [PublicReview]

    public struct PublicReview: Codable, Sendable, Hashable {
        public var department: String
        public var decision: String
    }

    public init(_ c: Case) {
        number = c.number
        itemID = c.item.id
        itemName = c.item.name
        state = c.state
        stateLabel = c.state.label
        applicant = c.applicant.masked
        acceptedDay = c.acceptedDay
        promisedDay = c.promisedDay
        hasProvisionalDates = c.hasProvisionalDates
        correctionDeadline = c.state == .correctionNeeded ? c.correctionDeadline : nil
        delivery = c.delivery.label
        reviews = c.reviews.map { PublicReview(department: $0.department.name, decision: $0.decision.name) }
    }
}
