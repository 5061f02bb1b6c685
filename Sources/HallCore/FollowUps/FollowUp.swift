import Foundation

/// Something the hall promised to get back to a resident about (告知办理结果): work that could
/// not be finished at once, kept with the resident's consent and contact, owned by a staff
/// member, due on a working day, and closed with a result note.
///
/// Generic: extended service creates them for unfinished work, any other resident-facing source may
/// (`source` says where one comes from). Bad ratings' follow-ups (`RatingFollowUp`: anonymous, the
/// head's) and home visits' unfinished items (a state of the `HomeVisit`) are kept apart; the head
/// sees all three kinds in one list through `FollowUpBoard`.
public struct FollowUp: Codable, Sendable, Equatable, Identifiable {
    /// Where a follow-up comes from.
    public struct Source: Codable, Sendable, Equatable {
        /// `extended`, `ticket`, `case`, `home-visit`, `rating`, … (lowercase, free to extend).
        public var kind: String
        /// The ticket number, case number or other reference, if any.
        public var reference: String?

        public init(kind: String, reference: String? = nil) {
            self.kind = kind
            self.reference = reference
        }
    }

    public enum State: String, Codable, Sendable, CaseIterable {
        case open
        /// The resident was told the result.
        case done
        /// No longer needed (withdrawn by the resident, duplicate); a reason is kept.
        case cancelled

        public var label: String {
            switch self {
            case .open: "待办"
            case .done: "已告知"
            case .cancelled: "已取消"
            }
        }
    }

    public var id: Int64
    /// What is to be done and told, e.g. 社保卡补办结果.
    public var subject: String
    public var source: Source
    /// The staff member who owns it (user name).
    public var owner: String
    /// The resident's name as given (optional; masked on every public surface).
    public var contactName: String?
    public var contactPhone: PhoneNumber
    /// When the resident agreed that the contact is kept (留存联系方式须征得同意).
    public var consentAt: Date
    /// The working day by which the result is to be told.
    public var dueDay: LocalDay
    public var state: State
    /// What the resident was told, or why it was cancelled.
    public var result: String?
    public var createdAt: Date
    public var createdBy: String
    public var closedAt: Date?
    public var closedBy: String?
    /// Set once `followup.overdue` was published.
    public var overdueAlerted: Bool

    public init(
        id: Int64 = 0, subject: String, source: Source, owner: String, contactName: String?, contactPhone: PhoneNumber,
        consentAt: Date, dueDay: LocalDay, createdAt: Date, createdBy: String
    ) {
        self.id = id
        self.subject = subject
        self.source = source
        self.owner = owner
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.consentAt = consentAt
        self.dueDay = dueDay
        self.state = .open
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.overdueAlerted = false
    }

    /// The contact as any public surface may show it: 张*丰 138****5678.
    public var maskedContact: String {
        [contactName.map(PersonalDataMask.name), contactPhone.masked].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// How it stands on `today`.
    public func due(on today: LocalDay) -> FollowUpDue {
        state == .open ? FollowUpDue(dueDay: dueDay, today: today) : .closed
    }
}

/// How an open follow-up stands against its due day.
public enum FollowUpDue: String, Codable, Sendable, Comparable {
    case closed
    case onTrack = "on_track"
    case dueToday = "due_today"
    case overdue

    /// How an open follow-up due on `dueDay` stands on `today`.
    public init(dueDay: LocalDay, today: LocalDay) {
        self = dueDay < today ? .overdue : dueDay == today ? .dueToday : .onTrack
    }

    public var label: String {
        switch self {
        case .closed: "已结束"
        case .onTrack: "未到期"
        case .dueToday: "今日到期"
        case .overdue: "已逾期"
        }
    }

    private var rank: Int {
        switch self {
        case .closed: 0
        case .onTrack: 1
        case .dueToday: 2
        case .overdue: 3
        }
    }

    public static func < (a: FollowUpDue, b: FollowUpDue) -> Bool { a.rank < b.rank }
}
