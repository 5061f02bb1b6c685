import Foundation

/// Someone applying for the resident (代理人).
public struct VisitAgent: Codable, Sendable, Hashable {
    public var name: String
    /// Relation to the applicant, e.g. 儿子, 村委会工作人员.
    public var relation: String
    public var phone: PhoneNumber?
}

/// One entry of the materials list agreed for the visit.
public struct VisitMaterial: Codable, Sendable, Hashable {
    public var name: String
    /// The catalog's Mongolian name (``Material/nameMn``), if any.
    public var nameMn: String?
    /// 原件 / 复印件 / 原件及复印件, or empty for an extra item.
    public var form: String
    public var count: Int
    public var notes: String?

    public init(name: String, form: String, count: Int, notes: String? = nil, nameMn: String? = nil) {
        self.name = name
        self.nameMn = nameMn
        self.form = form
        self.count = count
        self.notes = notes
    }

    public init(_ material: Material) {
        self.init(name: material.name, form: material.form.label, count: material.count, notes: material.notes, nameMn: material.nameMn)
    }
}

/// What the approval agreed: time, place, visiting staff, materials (预约上门).
public struct VisitPlan: Codable, Sendable, Hashable {
    public var day: LocalDay
    /// `HH:mm`.
    public var time: String
    public var place: String
    public var staff: [DutyStaff]
    public var materials: [VisitMaterial]
    /// The process and anything to note, told in advance.
    public var notes: String?
}

/// The center's review of a request.
public struct VisitReview: Codable, Sendable, Hashable {
    public var by: String
    public var at: Date
    public var on: LocalDay
    /// Reviewed after the due day.
    public var late: Bool
    /// Why it was refused (nil when approved).
    public var refusalReason: String?
    /// The alternative solution offered with a refusal (替代解决方案).
    public var alternative: String?
}

/// What happened on site.
public struct VisitOutcome: Codable, Sendable, Hashable {
    public var at: Date
    public var on: LocalDay
    public var by: String
    /// Finished on the spot (当场办结).
    public var finishedOnSite: Bool
    /// What was done.
    public var summary: String
    /// What remains, when not finished.
    public var unfinished: String?
    /// The working days given for the rest, and the day it is due.
    public var workingDays: Int?
    public var deadline: LocalDay?
}

/// A note on the follow-up of an unfinished item (跟踪督办).
public struct VisitFollowUpNote: Codable, Sendable, Hashable {
    public var at: Date
    public var by: String
    public var note: String
}

/// A receipt printed for the visit.
public struct VisitReceiptRecord: Codable, Sendable, Hashable {
    public var sequence: Int
    public var at: Date
    public var by: String
}

/// A home-visit request and everything that follows (上门服务).
public struct HomeVisit: Codable, Sendable, Hashable, Identifiable {
    /// Store-assigned identifier (0 before storing).
    public var id: Int64
    /// `SM20261202-01`: the day of the request and its sequence.
    public var number: String
    public var state: HomeVisitState
    public var channel: BookingChannel
    public var recordedBy: String
    public var requestedAt: Date
    public var requestedOn: LocalDay
    /// The last day the center may review the request (one working day).
    public var reviewDue: LocalDay
    public var applicant: ResidentContact
    public var agent: VisitAgent?
    public var eligibility: VisitEligibility
    public var eligibilityNote: String?
    public var itemID: String
    public var itemName: String
    /// The item's Mongolian name (``CatalogItem/nameMn``) when the request was recorded, if any.
    public var itemNameMn: String?
    /// The catalog's materials for the item when the request was recorded.
    public var itemMaterials: [Material]
    public var address: String
    public var preferredDay: LocalDay
    /// e.g. 上午, 14:00 以后.
    public var preferredTime: String?
    /// What the resident wants done.
    public var request: String
    public var review: VisitReview?
    public var plan: VisitPlan?
    /// The case opened on site (its captures attach to it).
    public var caseID: Int64?
    public var outcome: VisitOutcome?
    public var receipts: [VisitReceiptRecord]
    public var followUps: [VisitFollowUpNote]
    public var closedAt: Date?
    public var closedBy: String?
    public var closingNote: String?
    public var withdrawReason: String?
    public var satisfactionCalls: [SatisfactionCall]
    public var spotChecks: [SpotCheck]
    /// The latest identity check on site (the card compared with the applicant; nothing of the card kept).
    public var identityCheck: VisitIdentityCheck?
    /// The overdue review / follow-up was already announced (once each).
    public var reviewOverdueAlerted: Bool
    public var followUpOverdueAlerted: Bool

    public init(
        id: Int64 = 0, number: String, channel: BookingChannel, recordedBy: String, requestedAt: Date,
        requestedOn: LocalDay, reviewDue: LocalDay, applicant: ResidentContact, agent: VisitAgent?,
        eligibility: VisitEligibility, eligibilityNote: String?, item: CatalogItem, address: String,
        preferredDay: LocalDay, preferredTime: String?, request: String
    ) {
        self.id = id
        self.number = number
        self.state = .requested
        self.channel = channel
        self.recordedBy = recordedBy
        self.requestedAt = requestedAt
        self.requestedOn = requestedOn
        self.reviewDue = reviewDue
        self.applicant = applicant
        self.agent = agent
        self.eligibility = eligibility
        self.eligibilityNote = eligibilityNote
        self.itemID = item.id
        self.itemName = item.name
        self.itemNameMn = item.nameMn
        self.itemMaterials = item.materials
        self.address = address
        self.preferredDay = preferredDay
        self.preferredTime = preferredTime
        self.request = request
        self.receipts = []
        self.followUps = []
        self.satisfactionCalls = []
        self.spotChecks = []
        self.reviewOverdueAlerted = false
        self.followUpOverdueAlerted = false
    }
}
