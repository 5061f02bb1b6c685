/// One open follow-up of any kind, as the center head's board shows it (回告与督办): something owed
/// to a resident or to the head, due by a working day, closed with a note where its kind is kept.
///
/// The three kinds stay separate records, each with its own rules (see `Kind`); this is the common
/// view of them, so the head sees every due and overdue one in one list.
public struct DueFollowUp: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 告知办理结果: promised to a resident with consent to keep the contact (`FollowUp`, e.g. from
        /// extended hours); closed by its owner or the head at `/api/follow-ups/{id}/close`.
        case resident = "follow_up"
        /// 差评回访: opened by a bad rating, anonymous; closed by the head at `/api/rating-follow-ups/{id}/close`.
        case rating
        /// 上门服务跟踪督办: an item a home visit left unfinished, a state of the visit itself; closed
        /// (the visit with it) at `/api/visits/{number}/close`.
        case visit

        public var label: String {
            switch self {
            case .resident: "告知办理结果"
            case .rating: "差评回访"
            case .visit: "上门服务督办"
            }
        }
    }

    public var kind: Kind
    /// The record's identifier within its kind (follow-up, rating follow-up, home visit).
    public var id: Int64
    /// What is owed: the subject, the rated ticket and level, the visit's number and item.
    public var title: String
    /// More about it: the contact (masked), the rated staff member, what the visit left unfinished.
    public var detail: String?
    /// User names of who must close it; empty when it is the center head's.
    public var owners: [String]
    public var dueDay: LocalDay
    /// How it stands today (never `closed`: the board lists open ones only).
    public var due: FollowUpDue
    /// The API path (POST) that closes it, with the body its kind takes.
    public var closePath: String

    public init(
        kind: Kind, id: Int64, title: String, detail: String?, owners: [String], dueDay: LocalDay, today: LocalDay,
        closePath: String
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.detail = detail
        self.owners = owners
        self.dueDay = dueDay
        due = FollowUpDue(dueDay: dueDay, today: today)
        self.closePath = closePath
    }
}

/// A feature that keeps follow-ups of its own kind and shows its open ones on the head's board.
public protocol FollowUpSource: Sendable {
    /// Every open follow-up of this source, with how it stands today.
    func openFollowUps() async throws -> [DueFollowUp]
}

/// The center head's one list of follow-ups of every kind (回告与督办).
public struct FollowUpBoard: Sendable {
    private let sources: [any FollowUpSource]

    public init(sources: [any FollowUpSource]) {
        self.sources = sources
    }

    /// Open follow-ups of every kind: only those due today or overdue unless `all`; overdue first,
    /// then by due day, kind and id.
    public func followUps(all: Bool = false) async throws -> [DueFollowUp] {
        var list: [DueFollowUp] = []
        for source in sources { list += try await source.openFollowUps() }
        if !all { list = list.filter { $0.due >= .dueToday } }
        let kinds = DueFollowUp.Kind.allCases
        return list.sorted {
            ($1.due, $0.dueDay, kinds.firstIndex(of: $0.kind)!, $0.id) < ($0.due, $1.dueDay, kinds.firstIndex(of: $1.kind)!, $1.id)
        }
    }
}
