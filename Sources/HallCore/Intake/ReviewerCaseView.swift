/// A routed case as a department reviewer sees it (部门审核视图).
///
/// What a reviewer needs to decide, and no more:
/// - the applicant's **full name and ID number** (or the enterprise's name and credit code): the
///   department checks eligibility and identity against its own registers (age for 高龄津贴, the
///   disability register, the market-entity register), which a masked number would not allow;
/// - the applicant's **phone and an enterprise's contact person masked**, and the postal address left
///   out: under 一窗受理 the window, not the department, talks to the applicant and hands out the result;
/// - the materials received, the item, the time limit and the deadline;
/// - **its own department's review only**: the other departments are named but their answers are not
///   shown, since departments review in parallel and none may lean on another's answer.
public struct ReviewerCaseView: Codable, Sendable, Hashable {
    public var caseID: Int64
    public var number: String?
    public var itemID: String
    public var itemName: String
    /// e.g. 复杂事项（7个工作日）.
    public var timeLimit: String
    public var state: CaseState
    public var stateLabel: String
    public var applicant: ReviewerApplicant
    /// 窗口领取 / 邮寄送达 (the address stays with the window).
    public var delivery: String
    public var window: Int?
    /// The responsible clerk (首问负责制), to ask about the materials.
    public var owner: String
    public var acceptedDay: LocalDay?
    public var promisedDay: LocalDay?
    public var hasProvisionalDates: Bool
    public var received: [ReceivedMaterial]
    public var department: Department
    public var review: DepartmentReview
    /// The other departments reviewing at the same time (names only).
    public var otherDepartments: [String]
    /// Whether this department still has to give a final answer.
    public var awaitingAnswer: Bool
    /// The deadline standing while the promised date runs (nil once decided).
    public var deadlineLevel: DeadlineLevel?
    public var workingDaysLeft: Int?

    /// The view of `c` for `departmentID`.
    /// - Throws: `ReviewAccessError.notRouted` when the case was not routed to that department.
    public init(_ c: Case, departmentID: String, deadline: CaseDeadlineStatus? = nil) throws {
        guard let review = c.reviews.first(where: { $0.department.id == departmentID }) else {
            throw ReviewAccessError.notRouted(case: c.reference, department: departmentID)
        }
        caseID = c.id
        number = c.number
        itemID = c.item.id
        itemName = c.item.name
        timeLimit = c.item.timeLimit.label
        state = c.state
        stateLabel = c.state.label
        applicant = ReviewerApplicant(c.applicant)
        delivery = c.delivery.label
        window = c.window
        owner = c.owner
        acceptedDay = c.acceptedDay
        promisedDay = c.promisedDay
        hasProvisionalDates = c.hasProvisionalDates
        received = c.received
        department = review.department
        self.review = review
        otherDepartments = c.reviews.filter { $0.department.id != departmentID }.map(\.department.name)
        awaitingAnswer = c.state == .inReview && !review.decision.isFinal
        deadlineLevel = deadline?.level
        workingDaysLeft = deadline?.workingDaysLeft
    }
}

/// The applicant as a department reviewer sees them: identity in full, contact details masked.
public struct ReviewerApplicant: Codable, Sendable, Hashable {
    /// `person` or `enterprise`.
    public var kind: String
    /// The person's or the enterprise's name.
    public var name: String
    /// ID-card number (person) or unified social credit code (enterprise), in full.
    public var idNumber: String
    /// Masked contact person (enterprises).
    public var contactPerson: String?
    /// Masked phone.
    public var phone: String

    public init(_ applicant: Applicant) {
        switch applicant {
        case .person(let p):
            self.init(kind: "person", name: p.name, idNumber: p.idNumber.value, contactPerson: nil, phone: p.phone.masked)
        case .enterprise(let e):
            self.init(
                kind: "enterprise", name: e.name, idNumber: e.creditCode.value,
                contactPerson: PersonalDataMask.name(e.contactPerson), phone: e.phone.masked)
        }
    }

    private init(kind: String, name: String, idNumber: String, contactPerson: String?, phone: String) {
        self.kind = kind
        self.name = name
        self.idNumber = idNumber
        self.contactPerson = contactPerson
        self.phone = phone
    }
}
