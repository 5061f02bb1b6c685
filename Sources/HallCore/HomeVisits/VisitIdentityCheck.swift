import Foundation

/// The identity check of a home visit on site (身份核验): the card read on the visiting staff's
/// reader compared with the applicant on record. Only the outcome is kept, never the card's data.
public struct VisitIdentityCheck: Codable, Sendable, Hashable {
    public var at: Date
    /// The staff member who checked.
    public var by: String
    public var result: VisitIdentityResult
    /// Where the card was read: `local` (a reader on the staff's laptop, through hallctl) or
    /// `window-3` (a window's reader, through halld).
    public var reader: String

    public init(at: Date, by: String, result: VisitIdentityResult, reader: String) {
        self.at = at
        self.by = by
        self.result = result
        self.reader = reader
    }
}

/// What the comparison of a card with a visit's applicant found.
public enum VisitIdentityResult: String, Codable, Sendable, CaseIterable {
    /// ID number and name agree.
    case matched
    /// The request had no ID number; the name agrees (the number is not compared).
    case nameMatched
    /// Same ID number, another name (a changed name, or a mistake on the request).
    case nameDiffers
    /// Another person's card.
    case idNumberDiffers
    /// The card has expired (the person agrees): 证件已过期.
    case expiredCard

    /// Whether the card identifies the applicant.
    public var identifies: Bool { self == .matched || self == .nameMatched }

    /// The result in Chinese, for the staff.
    public var label: String {
        switch self {
        case .matched: "身份核验通过：证件与申请人一致。"
        case .nameMatched: "姓名与申请人一致（申请时未登记身份证号码，号码未比对）。"
        case .nameDiffers: "身份证号码一致，但姓名与申请人不符，请核实。"
        case .idNumberDiffers: "证件不是申请人本人的，请核实代办人身份或停止办理。"
        case .expiredCard: "证件与申请人一致，但已超过有效期限，请核实。"
        }
    }
}

/// The comparison as a pure function: the card's name and number against the applicant's.
public enum VisitIdentityRules {
    /// Compares a card (name, number, expired or not) with `applicant`.
    public static func compare(
        name: String, idNumber: ChineseIDNumber, expired: Bool, with applicant: ResidentContact
    ) -> VisitIdentityResult {
        let sameName = normalised(name) == normalised(applicant.name)
        guard let recorded = applicant.idNumber else { return sameName ? (expired ? .expiredCard : .nameMatched) : .idNumberDiffers }
        guard recorded == idNumber else { return .idNumberDiffers }
        guard sameName else { return .nameDiffers }
        return expired ? .expiredCard : .matched
    }

    /// A name without spaces, its middle dots (·•・) made one.
    static func normalised(_ name: String) -> String {
        String(name.filter { !$0.isWhitespace }.map { "•・".contains($0) ? "·" : $0 })
    }
}
