import Foundation

/// A single-window case (一窗受理案件): one applicant, one catalog item, from pre-review to closure.
///
/// The catalog item is copied in at opening, so later catalog edits never change a running case.
/// `owner` is the first clerk (首问负责制); it changes only through an explicit, recorded reassignment.
public struct Case: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier; 0 until stored.
    public var id: Int64
    /// Case number (e.g. `BM20261125-0001`), given at acceptance.
    public var number: String?
    /// The catalog item as it was when the case was opened.
    public var item: CatalogItem
    public var applicant: Applicant
    public var delivery: DeliveryPreference
    /// The clerk responsible for the case (首问负责制).
    public var owner: String
    /// Recorded changes of owner, oldest first.
    public var ownerChanges: [OwnerChange]
    /// The queue ticket the case was opened from, if any.
    public var ticketID: Int64?
    /// The window where it was opened.
    public var window: Int?
    public var state: CaseState
    public var openedAt: Date
    public var openedDay: LocalDay

    /// Materials received in order at the last pre-review.
    public var received: [ReceivedMaterial]
    /// Problems of the last pre-review (empty once accepted).
    public var corrections: [CorrectionItem]
    /// The day by which the applicant must correct (补正期限).
    public var correctionDeadline: LocalDay?
    /// How many correction notices were issued.
    public var correctionRounds: Int

    public var acceptedAt: Date?
    public var acceptedDay: LocalDay?
    /// Promised completion day (承诺办结日期) = acceptance + the item's limit in working days.
    public var promisedDay: LocalDay?
    /// True when a date of this case was computed for a year without an official schedule.
    public var hasProvisionalDates: Bool

    /// One review per department of the item, filled at routing.
    public var reviews: [DepartmentReview]
    public var routedAt: Date?
    public var result: CaseResult?
    public var decidedAt: Date?
    public var notifiedAt: Date?
    public var deliveredAt: Date?
    /// Postal tracking number (邮寄单号) for posted results.
    public var trackingNumber: String?
    public var closedAt: Date?
    public var withdrawalReason: String?
    /// The deadline alert already pushed for this case, so each level is pushed once.
    public var alerted: DeadlineLevel?

    /// A new case in pre-review.
    public init(
        item: CatalogItem, applicant: Applicant, delivery: DeliveryPreference, owner: String,
        ticketID: Int64? = nil, window: Int? = nil, openedAt: Date, openedDay: LocalDay
    ) {
        self.id = 0
        self.item = item
        self.applicant = applicant
        self.delivery = delivery
        self.owner = owner
        self.ownerChanges = []
        self.ticketID = ticketID
        self.window = window
        self.state = .preReview
        self.openedAt = openedAt
        self.openedDay = openedDay
        self.received = []
        self.corrections = []
        self.correctionRounds = 0
        self.hasProvisionalDates = false
        self.reviews = []
    }

    /// The case number, or `#id` before acceptance: how messages name the case.
    public var reference: String { number ?? "#\(id)" }

    /// The reviews not yet final.
    public var openReviews: [DepartmentReview] { reviews.filter { !$0.decision.isFinal } }

    /// What public surfaces may show.
    public var publicSummary: CasePublicSummary { CasePublicSummary(self) }
}

/// A recorded change of the responsible clerk.
public struct OwnerChange: Codable, Sendable, Hashable {
    public var from: String
    public var to: String
    public var by: String
    public var reason: String
    public var at: Date
}
