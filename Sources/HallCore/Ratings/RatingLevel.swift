/// The five answers of the government service rating (好差评), best first.
public enum RatingLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case verySatisfied = "very_satisfied"
    case satisfied
    case basicallySatisfied = "basically_satisfied"
    case dissatisfied
    case veryDissatisfied = "very_dissatisfied"

    /// What the resident presses, e.g. 非常满意.
    public var label: String {
        switch self {
        case .verySatisfied: "非常满意"
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        case .veryDissatisfied: "非常不满意"
        }
    }

    /// 5 (非常满意) … 1 (非常不满意).
    public var score: Int {
        switch self {
        case .verySatisfied: 5
        case .satisfied: 4
        case .basicallySatisfied: 3
        case .dissatisfied: 2
        case .veryDissatisfied: 1
        }
    }

    /// A bad rating (差评: 不满意 or 非常不满意) opens a follow-up the head must close.
    public var isNegative: Bool { score <= 2 }

    /// Orders by score, so `.veryDissatisfied < .verySatisfied`.
    public static func < (a: RatingLevel, b: RatingLevel) -> Bool { a.score < b.score }
}

/// Where the resident rated.
public enum RatingChannel: String, Codable, Sendable, CaseIterable {
    /// The rating pad facing the resident at the window (评价器).
    case pad
    /// The ticket's QR status page, with the ticket's secret key.
    case qr

    public var label: String {
        switch self {
        case .pad: "窗口评价器"
        case .qr: "扫码评价"
        }
    }
}
